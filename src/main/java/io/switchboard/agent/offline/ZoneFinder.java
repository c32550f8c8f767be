package io.switchboard.agent.offline;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finds the time zone a request names: "Berlin time", "9am New York", "PST", "Europe/Paris", "UTC+2". */
final class ZoneFinder {

    private static final Set<String> REGIONS = Set.of(
            "Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific");

    /** Zone city names that are ordinary English words or holidays and would flip zones by accident. */
    private static final Set<String> NOT_CITIES = Set.of(
            "christmas", "easter", "reunion", "resolute", "troll", "wake", "midway", "casey", "davis", "palmer",
            "vostok", "mawson", "syowa", "rothera", "creston", "nome", "marengo", "vevay", "knox", "center",
            "monticello", "winamac", "petersburg", "vincennes", "tell city", "beulah", "new salem", "currie",
            "chatham", "norfolk", "guernsey", "jersey", "isle of man", "cocos", "fiji", "canary", "madeira",
            "bermuda", "faroe", "samoa", "universal", "west", "north", "south", "east", "stanley", "regina",
            "victoria", "queensland", "tasmania", "virgin", "general", "act", "oral", "nsw", "lhi", "yap", "truk",
            "atka", "wallis", "johnston");

    /** Region words that name a clock rather than a place, so an app zone on the same clock is kept. */
    private static final Set<String> REGION_WORDS = Set.of(
            "pacific", "eastern", "central", "mountain", "central european", "eastern european", "western european",
            "east coast", "west coast");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("san francisco", "America/Los_Angeles"), Map.entry("sf", "America/Los_Angeles"),
            Map.entry("seattle", "America/Los_Angeles"), Map.entry("la", "America/Los_Angeles"),
            Map.entry("san diego", "America/Los_Angeles"), Map.entry("portland", "America/Los_Angeles"),
            Map.entry("las vegas", "America/Los_Angeles"), Map.entry("silicon valley", "America/Los_Angeles"),
            Map.entry("bay area", "America/Los_Angeles"), Map.entry("west coast", "America/Los_Angeles"),
            Map.entry("pacific", "America/Los_Angeles"), Map.entry("california", "America/Los_Angeles"),
            Map.entry("nyc", "America/New_York"), Map.entry("boston", "America/New_York"),
            Map.entry("washington", "America/New_York"), Map.entry("dc", "America/New_York"),
            Map.entry("miami", "America/New_York"), Map.entry("atlanta", "America/New_York"),
            Map.entry("philadelphia", "America/New_York"), Map.entry("east coast", "America/New_York"),
            Map.entry("eastern", "America/New_York"), Map.entry("dallas", "America/Chicago"),
            Map.entry("houston", "America/Chicago"), Map.entry("austin", "America/Chicago"),
            Map.entry("minneapolis", "America/Chicago"), Map.entry("new orleans", "America/Chicago"),
            Map.entry("central", "America/Chicago"), Map.entry("mountain", "America/Denver"),
            Map.entry("salt lake city", "America/Denver"), Map.entry("arizona", "America/Phoenix"),
            Map.entry("hawaii", "Pacific/Honolulu"), Map.entry("alaska", "America/Anchorage"),
            Map.entry("montreal", "America/Toronto"), Map.entry("ottawa", "America/Toronto"),
            Map.entry("munich", "Europe/Berlin"), Map.entry("frankfurt", "Europe/Berlin"),
            Map.entry("hamburg", "Europe/Berlin"), Map.entry("cologne", "Europe/Berlin"),
            Map.entry("germany", "Europe/Berlin"), Map.entry("german", "Europe/Berlin"),
            Map.entry("france", "Europe/Paris"), Map.entry("french", "Europe/Paris"),
            Map.entry("lyon", "Europe/Paris"), Map.entry("marseille", "Europe/Paris"),
            Map.entry("central european", "Europe/Paris"), Map.entry("eastern european", "Europe/Athens"),
            Map.entry("western european", "Europe/Lisbon"), Map.entry("barcelona", "Europe/Madrid"),
            Map.entry("spain", "Europe/Madrid"), Map.entry("milan", "Europe/Rome"), Map.entry("italy", "Europe/Rome"),
            Map.entry("geneva", "Europe/Zurich"), Map.entry("switzerland", "Europe/Zurich"),
            Map.entry("swiss", "Europe/Zurich"), Map.entry("netherlands", "Europe/Amsterdam"),
            Map.entry("dutch", "Europe/Amsterdam"), Map.entry("uk", "Europe/London"),
            Map.entry("british", "Europe/London"), Map.entry("britain", "Europe/London"),
            Map.entry("england", "Europe/London"), Map.entry("manchester", "Europe/London"),
            Map.entry("edinburgh", "Europe/London"), Map.entry("ireland", "Europe/Dublin"),
            Map.entry("irish", "Europe/Dublin"), Map.entry("portugal", "Europe/Lisbon"),
            Map.entry("poland", "Europe/Warsaw"), Map.entry("sweden", "Europe/Stockholm"),
            Map.entry("greece", "Europe/Athens"), Map.entry("turkey", "Europe/Istanbul"),
            Map.entry("russia", "Europe/Moscow"), Map.entry("india", "Asia/Kolkata"),
            Map.entry("indian", "Asia/Kolkata"), Map.entry("mumbai", "Asia/Kolkata"),
            Map.entry("bombay", "Asia/Kolkata"), Map.entry("delhi", "Asia/Kolkata"),
            Map.entry("new delhi", "Asia/Kolkata"), Map.entry("bangalore", "Asia/Kolkata"),
            Map.entry("bengaluru", "Asia/Kolkata"), Map.entry("chennai", "Asia/Kolkata"),
            Map.entry("hyderabad", "Asia/Kolkata"), Map.entry("pune", "Asia/Kolkata"),
            Map.entry("china", "Asia/Shanghai"), Map.entry("chinese", "Asia/Shanghai"),
            Map.entry("beijing", "Asia/Shanghai"), Map.entry("shenzhen", "Asia/Shanghai"),
            Map.entry("japan", "Asia/Tokyo"), Map.entry("japanese", "Asia/Tokyo"), Map.entry("osaka", "Asia/Tokyo"),
            Map.entry("kyoto", "Asia/Tokyo"), Map.entry("korea", "Asia/Seoul"), Map.entry("korean", "Asia/Seoul"),
            Map.entry("israel", "Asia/Jerusalem"), Map.entry("tel aviv", "Asia/Jerusalem"),
            Map.entry("abu dhabi", "Asia/Dubai"), Map.entry("uae", "Asia/Dubai"),
            Map.entry("philippines", "Asia/Manila"), Map.entry("vietnam", "Asia/Ho_Chi_Minh"),
            Map.entry("thailand", "Asia/Bangkok"), Map.entry("indonesia", "Asia/Jakarta"),
            Map.entry("canberra", "Australia/Sydney"), Map.entry("new zealand", "Pacific/Auckland"),
            Map.entry("wellington", "Pacific/Auckland"), Map.entry("cape town", "Africa/Johannesburg"),
            Map.entry("south africa", "Africa/Johannesburg"), Map.entry("egypt", "Africa/Cairo"),
            Map.entry("kenya", "Africa/Nairobi"), Map.entry("nigeria", "Africa/Lagos"),
            Map.entry("brazil", "America/Sao_Paulo"), Map.entry("rio", "America/Sao_Paulo"),
            Map.entry("rio de janeiro", "America/Sao_Paulo"), Map.entry("mexico", "America/Mexico_City"),
            Map.entry("argentina", "America/Argentina/Buenos_Aires"), Map.entry("colombia", "America/Bogota"),
            Map.entry("chile", "America/Santiago"), Map.entry("peru", "America/Lima"));

    /** Abbreviations safe to read in any letter case. */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("pst", "America/Los_Angeles"), Map.entry("pdt", "America/Los_Angeles"),
            Map.entry("est", "America/New_York"), Map.entry("edt", "America/New_York"),
            Map.entry("cst", "America/Chicago"), Map.entry("cdt", "America/Chicago"),
            Map.entry("mst", "America/Denver"), Map.entry("mdt", "America/Denver"),
            Map.entry("akst", "America/Anchorage"), Map.entry("hst", "Pacific/Honolulu"),
            Map.entry("utc", "UTC"), Map.entry("gmt", "GMT"), Map.entry("zulu", "UTC"),
            Map.entry("cet", "Europe/Paris"), Map.entry("cest", "Europe/Paris"),
            Map.entry("bst", "Europe/London"), Map.entry("eet", "Europe/Athens"), Map.entry("eest", "Europe/Athens"),
            Map.entry("msk", "Europe/Moscow"), Map.entry("ist", "Asia/Kolkata"), Map.entry("jst", "Asia/Tokyo"),
            Map.entry("kst", "Asia/Seoul"), Map.entry("sgt", "Asia/Singapore"), Map.entry("hkt", "Asia/Hong_Kong"),
            Map.entry("aest", "Australia/Sydney"), Map.entry("aedt", "Australia/Sydney"),
            Map.entry("awst", "Australia/Perth"), Map.entry("nzst", "Pacific/Auckland"),
            Map.entry("nzdt", "Pacific/Auckland"), Map.entry("brt", "America/Sao_Paulo"));

    /** Two-letter and word-like abbreviations: only in capitals, since "et", "pt" or "wet" are ordinary words. */
    private static final Map<String, String> CAPITAL_ABBREVIATIONS = Map.of(
            "ET", "America/New_York", "PT", "America/Los_Angeles", "CT", "America/Chicago",
            "MT", "America/Denver", "WET", "Europe/Lisbon", "WEST", "Europe/Lisbon", "CEST", "Europe/Paris");

    private static final Map<String, String> PLACES = places();
    private static final Map<String, String> IANA_IDS = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toMap(id -> id.toLowerCase(), id -> id, (a, b) -> a, TreeMap::new));

    private static final String PLACE_ALTERNATION = PLACES.keySet().stream()
            .sorted(Comparator.comparing(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .map(Pattern::quote).collect(Collectors.joining("|"));
    private static final String CLOCK = "(?:\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm)|\\d{1,2}:\\d{2}|at\\s+\\d{1,2}|noon|midnight|"
            + "midday|o'?clock|morning|evening|night|afternoon)";
    private static final Pattern PLACE_THEN_TIME = Pattern.compile(
            "\\b(" + PLACE_ALTERNATION + ")(?:'s)?\\s+(?:local\\s+)?(?:standard\\s+|daylight\\s+)?"
                    + "(?:time|timezone|time\\s+zone|tz|hours)\\b");
    private static final Pattern LABEL_THEN_PLACE = Pattern.compile(
            "\\b(?:time\\s*zone|timezone|tz)\\s*(?:is|of|:|=|in)?\\s*(" + PLACE_ALTERNATION + ")\\b");
    private static final Pattern CLOCK_THEN_PLACE = Pattern.compile(
            "\\b" + CLOCK + "\\s*,?\\s*(?:\\(\\s*)?(?:in\\s+|at\\s+)?(?:the\\s+)?(" + PLACE_ALTERNATION + ")\\b");
    private static final Pattern IANA = Pattern.compile("\\b([a-z]+(?:/[a-z_+-]+){1,2})\\b");
    private static final Pattern OFFSET = Pattern.compile("\\b(?:utc|gmt)\\s*([+-])\\s*(\\d{1,2})(?::?00)?\\b");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    private ZoneFinder() {
    }

    static Optional<ZoneId> find(String text, ZoneId appZone) {
        String lower = Words.normalize(text);
        Optional<ZoneId> named = explicit(lower).or(() -> byPlace(lower));
        if (named.isPresent()) {
            return named;
        }
        return regionWord(lower).or(() -> byAbbreviation(text)).map(zone -> sameClock(zone, appZone) ? appZone : zone);
    }

    private static Optional<ZoneId> explicit(String lower) {
        Matcher offset = OFFSET.matcher(lower);
        if (offset.find()) {
            int hours = Integer.parseInt(offset.group(2));
            if (hours == 0) {
                return Optional.of(ZoneId.of("UTC"));
            }
            // IANA Etc/GMT zones carry the inverted sign: UTC+2 is Etc/GMT-2.
            String sign = offset.group(1).equals("+") ? "-" : "+";
            if (hours <= 14) {
                return Optional.of(ZoneId.of("Etc/GMT" + sign + hours));
            }
        }
        Matcher iana = IANA.matcher(lower);
        while (iana.find()) {
            String id = IANA_IDS.get(iana.group(1));
            if (id != null) {
                return Optional.of(ZoneId.of(id));
            }
        }
        return Optional.empty();
    }

    private static Optional<ZoneId> byPlace(String lower) {
        return placeNamedAsZone(lower).filter(place -> !REGION_WORDS.contains(place))
                .map(place -> ZoneId.of(PLACES.get(place)));
    }

    private static Optional<ZoneId> regionWord(String lower) {
        return placeNamedAsZone(lower).filter(REGION_WORDS::contains).map(place -> ZoneId.of(PLACES.get(place)));
    }

    private static Optional<String> placeNamedAsZone(String lower) {
        for (Pattern pattern : List.of(PLACE_THEN_TIME, LABEL_THEN_PLACE, CLOCK_THEN_PLACE)) {
            Matcher m = pattern.matcher(lower);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static Optional<ZoneId> byAbbreviation(String text) {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String word = m.group();
            String zone = CAPITAL_ABBREVIATIONS.get(word);
            if (zone == null) {
                zone = ABBREVIATIONS.get(word.toLowerCase());
            }
            if (zone != null) {
                return Optional.of(ZoneId.of(zone));
            }
        }
        return Optional.empty();
    }

    /** Keeps the app's own zone when the named one shows the same clock all year (CET for an app in Madrid). */
    private static boolean sameClock(ZoneId named, ZoneId appZone) {
        List<Instant> probes = List.of(Instant.parse("2025-01-15T12:00:00Z"), Instant.parse("2025-04-01T12:00:00Z"),
                Instant.parse("2025-07-15T12:00:00Z"), Instant.parse("2025-10-28T12:00:00Z"));
        return !named.getId().startsWith("Etc/") && !named.getId().equals("UTC") && !named.getId().equals("GMT")
                && probes.stream().allMatch(i -> named.getRules().getOffset(i).equals(appZone.getRules().getOffset(i)));
    }

    private static Map<String, String> places() {
        Map<String, String> places = new HashMap<>();
        List<String> ids = new ArrayList<>(ZoneId.getAvailableZoneIds());
        ids.sort(Comparator.naturalOrder());
        for (String id : ids) {
            String[] parts = id.split("/");
            if (parts.length < 2 || !REGIONS.contains(parts[0])) {
                continue;
            }
            String city = parts[parts.length - 1].replace('_', ' ').toLowerCase();
            if (!NOT_CITIES.contains(city) && city.matches("[a-z ]{3,}")) {
                places.putIfAbsent(city, id);
            }
        }
        places.putAll(ALIASES);
        return Map.copyOf(places);
    }
}
