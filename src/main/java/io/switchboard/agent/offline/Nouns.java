package io.switchboard.agent.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** General-English knowledge about business nouns: synonyms, the verbs that create them, and tool words. */
final class Nouns {

    /** Each line: words people use for one kind of record. A word may sit in more than one line. */
    private static final List<String> SYNONYM_GROUPS = List.of(
            "task|todo|to do|to-do item|todo item|chore|action item|checklist item|assignment",
            "ticket|support ticket|case|support case|support request|request|issue|help request|inquiry|enquiry"
                    + "|complaint|incident|bug report|bug",
            "customer|client|account|buyer|shopper|patron|consumer|purchaser",
            "lead|prospect|sales lead|potential customer|inquiry|enquiry",
            "deal|opportunity|opp|sales opportunity",
            "order|purchase|sale|transaction|checkout",
            "product|item|listing|sku|merchandise|good|catalog item|inventory item",
            "review|rating|feedback|testimonial|product review",
            "registration|signup|sign up|registrant|attendee|enrollment|enrolment|rsvp|participant|entrant",
            "event|meetup|session|gathering|conference|workshop|webinar|happening",
            "invoice|bill|billing statement",
            "subscription|plan|membership|recurring plan",
            "contact|person|people|individual",
            "message|comment|reply|chat message|dm",
            "employee|staff|staff member|team member|worker|colleague|hire|new hire",
            "project|initiative|engagement",
            "appointment|booking|reservation|meeting|visit|consultation",
            "company|organization|organisation|business|firm|account|org",
            "user|member|subscriber|account holder|signup|sign up",
            "payment|transaction|charge",
            "expense|spending|expenditure|cost",
            "article|blog post|post|story|blog entry",
            "candidate|applicant|job applicant|application|job application",
            "application|job application|submission",
            "job|position|opening|vacancy|job posting|role",
            "work order|job|service call|callout|service request|service visit",
            "shipment|delivery|parcel|package",
            "student|pupil|learner|trainee",
            "course|class|lesson|module|session",
            "matter|case|legal matter|legal case|lawsuit",
            "donation|gift|contribution|pledge",
            "donor|supporter|backer|contributor",
            "property|listing|rental|apartment",
            "note|memo",
            "bug|defect",
            "idea|suggestion|feature request",
            "response|submission|form submission|survey response|form response|entry|answer",
            "vendor|supplier",
            "question|faq",
            "goal|objective|okr",
            "asset|equipment|device",
            "campaign|promotion",
            "quote|estimate|quotation|proposal",
            "contract|agreement",
            "photo|image|picture",
            "location|venue|site|branch",
            "timesheet|time entry|hours log",
            "shift|rota",
            "recipe|dish|meal",
            "menu item|dish|meal|menu entry|plate",
            "grade|mark|score|result|gradebook entry",
            "deployment|deploy|release|rollout",
            "incident|outage",
            "interview|screening|interview slot",
            "volunteer|helper",
            "video|clip|reel",
            "loan|borrowing|checkout|lending");

    /** Verbs whose subject creates such a record: "someone registers" is a new registration. */
    private static final Map<String, String> CREATING_VERBS = Map.ofEntries(
            Map.entry("register", "registration"), Map.entry("registers", "registration"),
            Map.entry("registered", "registration"), Map.entry("signs up", "registration"),
            Map.entry("signed up", "registration"), Map.entry("sign up", "registration"),
            Map.entry("enrolls", "registration"), Map.entry("enrolled", "registration"),
            Map.entry("rsvps", "registration"), Map.entry("buys", "order"), Map.entry("bought", "order"),
            Map.entry("purchases", "order"), Map.entry("purchased", "order"), Map.entry("checks out", "order|loan"),
            Map.entry("checked out", "loan|order"), Map.entry("borrows", "loan"), Map.entry("borrowed", "loan"),
            Map.entry("subscribes", "subscription"), Map.entry("subscribed", "subscription"),
            Map.entry("applies", "application"), Map.entry("applied", "application"),
            Map.entry("books", "appointment"), Map.entry("booked", "appointment"),
            Map.entry("donates", "donation"), Map.entry("donated", "donation"), Map.entry("pays", "payment"),
            Map.entry("joins", "member"), Map.entry("joined", "member"),
            Map.entry("rates", "review"), Map.entry("comments", "message"), Map.entry("commented", "message"),
            // the plain form, after a plural subject: "as soon as they book", "when members join"
            Map.entry("enroll", "registration"), Map.entry("enrol", "registration"), Map.entry("buy", "order"),
            Map.entry("purchase", "order"), Map.entry("check out", "order|loan"), Map.entry("borrow", "loan"),
            Map.entry("subscribe", "subscription"), Map.entry("apply", "application"), Map.entry("book", "appointment"),
            Map.entry("donate", "donation"), Map.entry("pay", "payment"), Map.entry("join", "member"));

    /** Words for things in the target tool, or for nothing in particular; never an unknown kind of app data. */
    static final Set<String> NOT_DATA = words("email mail e-mail message page issue task row spreadsheet sheet doc "
            + "document file report summary digest post channel contact lead record entry item data list table note "
            + "card board deck slide presentation calendar event notification alert reminder draft update change "
            + "thing stuff info information detail copy backup export csv pdf link url video photo image query "
            + "dashboard chart graph analytics metric stat statistic traffic view follower profile account inbox "
            + "folder drive workspace server team group crm app application site website tool system storefront "
            + "store shop bot button form tab column field value status priority stage version one someone anyone "
            + "boss manager everyone way welcome follow-up followup thank-you summary overview recap count total "
            + "number content text body subject title name line reply repo repository dataset database space "
            + "meeting invite invitation attachment feed timeline story storage cloud thread dm sms text notice "
            + "number phone cell reference id people person folks guys "
            // how much of something, not what: "a pair of skis", "a bunch of orders"
            + "pair couple bunch handful piece lot lots plenty kind sort");

    /** Verbs that start requests; after "every Monday" or "each day" they are never a kind of record. */
    static final Set<String> COMMAND_VERBS = words("send post share add create copy sync save upload export import "
            + "notify remind ping tell push put track update delete remove archive make build draft generate run pull "
            + "fetch get list show announce publish forward move mark assign schedule invite store keep summarize "
            + "summarise alert attach insert append open close check give let email message text dm call overwrite "
            + "replace");

    /** Modifiers that come before a noun and are never one themselves. */
    static final Set<String> ADJECTIVES = words("new open closed recent latest upcoming pending urgent important "
            + "unread unfinished finished completed incomplete own next last first same single whole entire "
            + "daily weekly monthly yearly nightly hourly high low top best old overdue active inactive late due "
            + "current previous existing past future outstanding remaining matching corresponding separate full "
            + "short long quick simple basic short brief detailed big small large incoming outgoing fresh "
            + "unanswered unpaid paid approved rejected won lost open-ended various several other additional");

    /** Tools and services people name; a record word right after one is that tool's object ("HubSpot contact"). */
    static final Set<String> BRANDS = words("gmail google drive docs sheets slides bigquery analytics slack discord "
            + "github gitlab bitbucket notion clickup wrike box salesforce hubspot linkedin tiktok trello asana jira "
            + "teams microsoft outlook office twilio zendesk intercom freshdesk mailchimp stripe shopify airtable "
            + "dropbox onedrive sharepoint zoom whatsapp telegram twitter facebook instagram youtube pipedrive "
            + "zapier basecamp confluence quickbooks xero calendly typeform excel sms crm calendar inbox spreadsheet "
            + "sheet doc repo repository channel workspace server profile feed database dataset");

    private static final List<Set<String>> GROUPS = groups();

    private Nouns() {
    }

    /** Joined, singular key of a phrase: "To-do items" and "todo item" both give "todoitem". */
    static String key(String phrase) {
        List<String> words = Words.identifierWords(phrase);
        if (words.isEmpty()) {
            return "";
        }
        words.set(words.size() - 1, Words.singular(words.get(words.size() - 1)));
        return String.join("", words);
    }

    /** Keys of every word in a group with the given key (an entity name or its head word). */
    static Set<String> synonymsOf(String key) {
        Set<String> synonyms = new LinkedHashSet<>();
        for (Set<String> group : GROUPS) {
            if (group.contains(key)) {
                synonyms.addAll(group);
            }
        }
        synonyms.remove(key);
        return synonyms;
    }

    /** Whether the key is a known kind of business record in general English. */
    static boolean isKnownRecord(String key) {
        return GROUPS.stream().anyMatch(g -> g.contains(key));
    }

    /** Group keys a verb phrase (key form, "signsup") creates records of, or empty. */
    static Set<String> createdBy(String verbKey) {
        for (Map.Entry<String, String> e : CREATING_VERBS.entrySet()) {
            if (String.join("", e.getKey().split(" ")).equals(verbKey)) {
                Set<String> keys = new LinkedHashSet<>();
                for (String made : e.getValue().split("\\|")) {
                    keys.add(made);
                    keys.addAll(synonymsOf(made));
                }
                return keys;
            }
        }
        return Set.of();
    }

    private static List<Set<String>> groups() {
        List<Set<String>> groups = new ArrayList<>();
        for (String line : SYNONYM_GROUPS) {
            Set<String> group = new LinkedHashSet<>();
            for (String phrase : line.split("\\|")) {
                group.add(key(phrase));
            }
            groups.add(group);
        }
        return List.copyOf(groups);
    }

    private static Set<String> words(String spaced) {
        return Set.copyOf(new LinkedHashSet<>(Arrays.asList(spaced.split("\\s+"))));
    }
}
