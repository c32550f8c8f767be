package io.switchboard.agent.offline;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.switchboard.catalog.Action;
import io.switchboard.catalog.Catalog;
import io.switchboard.catalog.Connector;

/**
 * The offline model's understanding of one request: which tool and action (named tools first, then kinds of tool,
 * then meaning by embeddings), which records, which trigger and which inputs. Deterministic.
 */
@ApplicationScoped
public class RequestAnalyzer {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RequestAnalyzer.class);
    /** Below this no action is close enough in meaning to act on. */
    static final double UNRELATED = 0.38;
    /** The same, once the person named the tool: only its own actions compete. */
    static final double UNRELATED_FOR_NAMED_TOOL = 0.25;
    /** At or above this, and clearly ahead, an unnamed tool can be chosen by meaning alone. */
    static final double CONFIDENT = 0.62;
    static final double MARGIN = 0.06;
    /** How much the voice of a request, or a tool's more specific name, counts between two tools of one name. */
    static final double VOICE_WEIGHT = 0.08;
    /** Two nouns this close in meaning name the same kind of record ("clip" and "video"). */
    static final double SAME_THING = 0.46;
    /** How far below the closest action one named by the request's verb may be and still be chosen. */
    static final double VERB_MARGIN = 0.15;
    /** An act or a thing given named by a noun ("donation", "payment") is one of the app's people only this close. */
    static final double SAME_THING_AS_PEOPLE = 0.6;
    /** How far below the closest action the same action of another maker may be and still make the tool a question. */
    static final double SAME_ACTION_MARGIN = 0.1;
    /** Entities this close to the nearest in meaning are told apart by the words of their fields in the request. */
    static final double CLOSE_IN_MEANING = 0.1;

    /** Sentence ends, line breaks, and the edges of a JSON object pasted into the request. */
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"'{\\[(])|\\n+|\\s*(?=\\{\\s*\")|(?<=\\})\\s+(?=[A-Z])"
            // a postscript, a bracketed aside or a markup comment is a sentence of its own, whatever its case
            + "|\\s+(?=(?i:p\\.\\s?s\\.|ps:))|\\s+(?=\\[[A-Za-z])|\\s*(?=<!--)");
    /** Words that mark the sentence of a long message that asks for something. */
    private static final Pattern REQUEST = Pattern.compile("(?i)\\b(i need|we need|i want|we want|i'd like|we'd like"
            + "|i would like|we would like|could you|can you|would you|please|help me|set up|what i need)\\b");
    private static final Pattern INJECTION = Pattern.compile("(?i)\\b(ignore|disregard|override|system prompt|system:"
            + "|pre-?approved|jailbreak|admin(istrator)? (says|order)|full (mail |drive )?access|all scopes"
            + "|(?:full|complete|total) (?:mailbox|inbox|account|drive|admin) (?:access|control|rights)"
            // a scope by its own name: "gmail.send", "video.publish", https://mail.google.com/
            + "|\\b[a-z]+\\.(?:send|readonly|modify|compose|publish|upload|manage|write)\\b|mail\\.google\\.com|extra"
            + " permissions|scopes?\\b|access token|refresh token|client secret|password"
            + "|you(?:'re| are) (?:now |also )?(?:allowed|permitted|authori[sz]ed)|(?:grant|give) yourself|grant you"
            // words to the planner about itself: "the assistant must also...", "[assistant instructions: ...]"
            + "|(?:assistant|the ai|planner)\\b[^.]{0,40}\\b(?:must|should|shall|has to|needs? to)\\b"
            + "|instructions?\\s*:|\\b(?:system|developer|admin) (?:note|message|notice)\\b"
            + "|\\b(?:for|to) the (?:planner|assistant|ai|model|agent)(?: setup)?\\s*:|(?:to|in|into) the permissions"
            // a scope written as Google spells them: https://www.googleapis.com/auth/drive
            + "|https?://\\S+/auth/"
            // a permission written the way providers spell them: admin:org, chat:write; not a sheet range, A:F
            + "|(?-i:\\b[a-z]{2,}:(?!//)[a-z]{2,}[\\w.]*))");
    /** What a record leads to: "new property = new Account", "quote accepted -> wrike task". */
    private static final Pattern LEADS_TO = Pattern.compile("(?i)(?:=(?=\\s*(?:an?\\s+)?new\\b)|->|→)\\s*([\\w\\s]{1,60})");
    /** Verbs that say little of what is made, so their object names the action: "add a task", "open a ticket". */
    private static final Set<String> LIGHT_VERBS = Set.of("add", "put", "make", "open", "log", "start", "drop", "stick",
            "throw", "get", "do");
    private static final Pattern REPOSITORY_WORK = Pattern.compile("(?i)\\b(?:issues?|pull\\s+requests?|prs?|repo"
            + "|repository|commits?)\\b");
    /** owner/name, as a repository is written: "hacknorth/judging", not "and/or" or a date. */
    private static final Pattern REPOSITORY_SLUG = Pattern.compile("(?<![\\w/:.])(?!and/|or/)[A-Za-z][\\w-]*/[A-Za-z][\\w.-]*"
            + "(?![\\w/])");
    /** "For each new pavilion reservation, draft ...": which records, before the verb. */
    private static final Pattern FOR_EACH_LEAD = Pattern.compile("(?i)^\\W*(?:for|with)\\s+(?:each|every|any)\\b[^,]{0,60},");
    private static final Pattern RECORD_EVENT_CLAUSE = Pattern.compile("(?i)\\b(?:whenever|every time|each time"
            + "|as soon as|when|once|if)\\s+(?:a|an|the|new|someone|somebody|anyone)\\b");
    private static final Pattern NARRATIVE = Pattern.compile("(?i)(?:(?:hello|hi|hey|so|well|ok|okay|basically"
            + "|honestly|anyway)\\b[,!]?\\s*)*(?:(?:last|this)\\s+\\w+\\s+|yesterday\\s+)?(?:i|we|our|my)\\b");
    /** Messages to one person, and asking to connect: "a private message on LinkedIn", "a connection request". */
    private static final Pattern DIRECT_MESSAGE = Pattern.compile("(?i)\\b(?:private|direct)\\s+messages?\\b|\\bdms?\\b"
            + "|\\binmails?\\b|\\b(?:connection|friend|follow)\\s+requests?\\b");
    private static final Pattern MERGE = Pattern.compile("(?i)\\bmerge\\b");
    /** A noun for something done or given: "donation", "payment", "attendance". */
    private static final Pattern DOING_NOUN = Pattern.compile("(?:tion|sion|ment|ance|ence)s?$");
    /** Where a clause ends, strongest first. */
    private static final List<Pattern> CLAUSE_BOUNDARIES = List.of(Pattern.compile("[.!?;](?=\\s)"),
            Pattern.compile(",|\\s+-+\\s+"), Pattern.compile("\\s(?:and|also|plus)\\s"));
    /** Taking data, people or access away, which no catalog action does: flows only add or send things. */
    private static final Pattern DESTRUCTIVE = Pattern.compile("(?i)\\b(delete|remove|erase|wipe|purge|trash"
            + "|clear\\s+(?:out|away)|get\\s+rid\\s+of|unsubscribe|cancel|destroy|kick(?!\\s+off)|ban|expel|suspend"
            + "|revoke|deactivate|unpublish)\\b");
    /** Who does something, when it is told rather than asked: "we delete", "customers cancel". */
    private static final Set<String> NARRATING_SUBJECTS = Set.of("i", "we", "they", "he", "she", "someone",
            "somebody", "people", "everyone", "nobody", "customers", "clients", "owners", "members", "guests", "users",
            "parents", "students", "players", "visitors", "patients", "staff", "volunteers", "employees");
    private static final Set<String> ASKING_MODALS = Set.of("can", "could", "would", "should", "shall", "will");
    private static final Set<String> HABIT_ADVERBS = Set.of("just", "also", "then", "usually", "often", "sometimes",
            "always", "simply", "normally", "manually", "occasionally");
    private static final Pattern REASON = Pattern.compile("(?i)\\bbecause\\b[^.;,!?\\n]*");
    /** "have the system phone the client": whom the person asks to act, before what. */
    private static final Pattern CAUSATIVE = Pattern.compile("(?i)^\\W*(?:please\\s+)?(?:have|get|make|let)\\s+(?:the\\s+)?"
            + "(?:system|app|switchboard|it|bot)\\s+(?:to\\s+)?");
    private static final Set<String> NOT_A_PRODUCT = Set.of("somewhere", "anywhere", "everywhere", "stuff",
            "instead", "maybe", "perhaps", "directly", "automatically");
    private static final Pattern ASIDE_IN_BRACKETS = Pattern.compile("\\([^()]*\\)");
    /** Someone becoming one of the app's people: "someone new joins", "a new person signs up". */
    private static final Pattern JOINING = Pattern.compile("(?i)\\b(?:someone|somebody|anyone|a new person|people)"
            + "(?:\\s+new)?\\s+(?:joins|signs\\s*-?\\s*up|registers|enrolls|enrols|subscribes)\\b");
    private static final Pattern CHORE = Pattern.compile("(?i)\\b(?:(?:i|we)(?:'ve| have)? (?:have to|had to|got to"
            + "|keep|been)|instead of|no more|stop)\\b[^.!?]{0,80}?\\b(?:by hand|manually)\\b");
    /** Cancelling, which takes a record away only where it has no status to record it in. */
    private static final Pattern CANCELLED_ONLY = Pattern.compile("(?i)\\bcancel(?:s|led|ed|ling|ing|lation)?\\b");
    private static final Pattern REMOVED = Pattern.compile("(?i)\\b(?:delet|remov|eras|archiv|trash)\\w*");
    private static final Pattern READ_INTENT = Pattern.compile("(?i)\\b(read|fetch|list|get|pull|check|see|look up"
            + "|search|retrieve|download|show)\\b");
    private static final Pattern MANUAL = Pattern.compile("(?i)\\b(button|click|press(?!\\s+releases?\\b)|(?<!\\bon\\s)tap|on demand"
            + "|manually|by hand"
            + "|when i (ask|say|want)|whenever i (ask|want|need)|run it myself"
            + "|(when|whenever|once|as soon as) (i|we|you|someone|a user|the user) (hit|hits|push|pushes|select|selects"
            + "|choose|chooses|trigger|triggers|run|runs))\\b");
    private static final Pattern PERSONAL_VOICE = Pattern.compile("(?i)\\b(from my (own |personal )?(\\w+ )?(account"
            + "|profile|user)|as me|as myself|in my name|my own|from me|under my name|personal (\\w+ )?account"
            + "|my (\\w+ )?status)\\b");
    /** "as ME not the bot": the person's own account, whatever else pulls towards the bot. */
    private static final Pattern NOT_THE_BOT = Pattern.compile("(?i)\\b(?:not|rather than|instead of)\\s+(?:as\\s+|via\\s+"
            + "|from\\s+)?(?:the|a|our)\\s+bot\\b");
    /** "ok so ...", "hey so basically ...": how a chat message starts, which says nothing. */
    private static final Pattern OPENING = Pattern.compile("(?i)^\\W*(?:(?:ok|okay|well|hey|yeah|right|hi|um+)\\b[\\s,!.]*)+"
            + "(?:so\\b(?:\\s+basically\\b)?[\\s,]*)?");
    private static final Pattern ALTERNATIVE = Pattern.compile("(?i)\\b(or|either|not sure|whichever|maybe)\\b");
    /** "we have both HubSpot and Salesforce": two tools named as equals, neither chosen. */
    private static final Pattern BOTH = Pattern.compile("(?i)\\bboth\\b");
    /** "send housekeeping@hotel.pt the list": something sent to an email address goes by email. */
    private static final Pattern SENT_TO_ADDRESS = Pattern.compile("(?i)\\b(send|sends|forward|forwards|deliver"
            + "|delivers)\\b[^.;!?]{0,60}?[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

    private static final Pattern TRIGGER_OPENER = Pattern.compile("(?i)\\b(whenever|when|every time|each time"
            + "|as soon as|once|if|after)\\b");
    /**
     * Where a trigger clause written without a comma gives way to the request: "..., can you email them", "when
     * someone books can it go into my sheet": a modal before its subject asks, which a trigger clause never does.
     */
    private static final Pattern CLAUSE_END = Pattern.compile("(?i)[,.;:!?]|\\b(?:can|could|would|will) (?:you|u|it"
            + "|we|this|that|they|the bot|someone|somebody|switchboard)\\b|\\bis it possible\\b"
            + "|\\b(?:please|pls|then|i want|we want|i'd like|we'd like)\\b");
    private static final String DAY = "(day|weekday|weekend|week|month|morning|evening|night|afternoon|hour|minute"
            + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?";
    private static final Pattern TIME_PHRASE = Pattern.compile("(?i)\\b((every|each|on|at|in the|this|next|the)\\s+"
            + "(\\w+\\s+){0,2}?" + DAY + "|" + DAY + "|(on\\s+)?the\\s+(\\d{1,2}(st|nd|rd|th)(\\s+of)?|(first|last)\\s+day\\s+of)"
            // "at 6:45 am central", "9am eastern": a US zone named after the time goes with it
            + "|(at \\d{1,2}([:.]\\d{2})?\\s*(am|pm)?|\\d{1,2}([:.]\\d{2})?\\s*(am|pm))(\\s+(eastern|central|mountain"
            + "|pacific)(\\s+time)?)?"
            + "|daily|weekly|monthly|nightly|hourly|noon|midnight|(\\w+ )?time)\\b");

    private static final Set<String> VAGUE_WORDS = Set.of("do", "thing", "things", "stuff", "usual", "same",
            "handle", "take", "care", "needful", "automate", "automation", "magic", "necessary", "whatever", "something",
            "it", "normal", "regular", "deal", "sort", "set", "up", "setup", "automations", "useful", "helpful", "smart",
            "cool", "thingy", "thingies", "hook", "idea", "ideas");
    /** Words around a vague ask that ask nothing themselves: "I need something smart, what do you think is best?" */
    private static final Set<String> ASKING_WORDS = Set.of("u", "ur", "pls", "plz", "please", "hiya", "hey", "hi",
            "idk", "lol", "just", "need", "want", "think", "best", "suggest", "recommend", "good", "great", "nice");
    private static final Pattern PART_BREAK = Pattern.compile("[.!?;]+\\s*|,\\s+(?=(?:what|which|how)\\b)");
    private static final Pattern ABOUT_STUFF = Pattern.compile("(?i)\\b\\w+\\s+(?=(?:stuff|things|thingy)\\b)");
    private static final Pattern FOR_OR_ABOUT = Pattern.compile("(?i)\\b(?:for|with|about)\\s+(?:(?:the|our|my|your"
            + "|these|those|this|all)\\s+)?\\w+");
    /**
     * Verbs that hand something to people without saying through which tool ("share the attendance with the
     * parents"): which one is the question. "Send them to our Heidelberg queue" names a place instead.
     */
    private static final Set<String> SHARING_VERBS = Set.of("send", "share", "forward", "deliver", "give");
    /** Things done outside any app, which no connector can do. */
    private static final Set<String> OFFLINE_VERBS = Set.of("phone", "call", "ring", "fax", "print", "charge", "bill",
            "refund");
    /** A sign-in's secrets by the names people give them ("the bot's OAuth token", "our client secret"). */
    private static final Pattern SECRET = Pattern.compile("(?i)\\b((access|refresh|oauth|bearer|api|auth|session|bot"
            + "|stored|saved)[ _-]?(token|key|secret)s?|client[ _-]secrets?|credentials?|private keys?)\\b");
    private static final Set<String> DISCLOSURE_VERBS = Set.of("repeat", "reveal", "show", "tell", "print", "return",
            "give", "display", "output", "leak", "dump", "expose", "echo", "paste", "copy", "what", "whats", "where");
    private static final Set<String> POLITE = Set.of("pls", "kindly", "hey", "hi", "hello", "ok", "okay");
    private static final Pattern EVENT_OPENER = Pattern.compile("(?i)\\b(whenever|every time|each time|as soon as)\\b");
    /** "the weekly log", "our daily standup doc": a period word describing a thing, not when to run. */
    private static final Pattern ATTRIBUTIVE_PERIOD = Pattern.compile("(?i)\\b(daily|weekly|monthly|nightly|hourly|yearly"
            + "|quarterly)\\s+(?!(?:at|on|in|by|from|to|and|or|with|for|every|each|basis|until|till|around)\\b)(?=[a-z])");
    /** "the #hiring Slack channel": where to post, which says nothing about what to do. */
    private static final Pattern CHANNEL_PLACE = Pattern.compile("(?i)(?:\\b(?:the|our|my)\\s+)?(?:(slack|discord)\\s+)?"
            + "(?:channel\\s+)?#[\\w-]+(?:\\s+(slack|discord))?(?:\\s+channel)?");
    /** "a 'Print work order' button": the button's name, which says nothing about what to do. */
    private static final Pattern BUTTON_LABEL = Pattern.compile("['\"‘“][^'\"’”]{1,40}['\"’”]\\s*(?=(?i:button)\\b)");
    /** "so they can deactivate their badge": what someone does with the result afterwards, not what to do now. */
    private static final Pattern PURPOSE = Pattern.compile("(?i)\\bso\\s+(?:that\\s+)?(?:(?=(?:i|we|you|he|she|they|it"
            + "|everyone|everybody|someone|people|nobody|both|the|our|my|their|whoever)\\b)[^.;!?\\n]*"
            // "so folks in my network can sign up": someone, then what they can do
            + "|(?!(?:when|if|sure|much|many|far|long)\\b)(?:[a-z]+\\s+){1,4}?(?:can|could|will|may|might|know|knows)\\b"
            + "[^.;,!?\\n]*)");
    /** "a button on the Dashboard page that": where the flow is started from, which is its trigger, not its work. */
    private static final Pattern BUTTON_PLACE = Pattern.compile("(?i)\\b(?:(?:put|add|place|make|create|get|give me"
            + "|want|need)\\s+)?(?:a|an|one)\\s+(?:button|link)\\s+(?:on|to|in|at)\\s+(?:the|our|my)?\\s*"
            + "(?:[\\w-]+\\s+){0,3}?page\\b(?:\\s+(?:that|which|to))?");
    /** "yo can u make it so", "is it possible to": asking, before what is asked for. */
    private static final Pattern LEAD_IN = Pattern.compile("(?i)(?:\\b(?:yo|hey|hi|hello)\\b[,!]?\\s*)?(?:\\b(?:can|could"
            + "|would|will) (?:you|u)\\s+(?:please\\s+|pls\\s+)?(?:make it so|set it up so|set things up so|make sure"
            + "|arrange it so)|\\bis it possible to|\\b(?:i|we)(?:'d| would) (?:like|love) it if"
            + "|\\bit(?:'d| would) be (?:great|nice|good|awesome|amazing) if)(?:\\s+that)?\\b");
    /** Where a rambling message turns to what it asks for. */
    private static final Pattern REQUEST_TURN = Pattern.compile("(?i)\\bwhat (?:i|we) (?:actually |really |just )?"
            + "(?:need|want|would like)(?: you to do)? is\\b[:,]?|\\bwhat would (?:really |actually )?help is(?: if)?\\b"
            + "|\\blong story short\\b[:,]?");
    /** "incidents should go straight to slack #leadership": be sent there. */
    private static final Pattern GOES_TO = Pattern.compile("(?i)\\b(?:go|goes|went)\\s+(?:straight\\s+|right\\s+"
            + "|directly\\s+)?to\\b");
    /** "viewings just showed up in the calendar": what is asked for is that they get added there. */
    private static final Pattern APPEARS_IN = Pattern.compile("(?i)\\b(?:show(?:s|ed)?\\s+up|pop(?:s|ped)?\\s+up"
            + "|appear(?:s|ed)?|end(?:s|ed)?\\s+up|land(?:s|ed)?)\\s+(?:in|on|into)\\b|\\bgo(?:es)?\\s+into\\b");
    /** "a button, call it 'Backup', that ...": the name it is given, not a phone call. */
    private static final Pattern NAMED_AS = Pattern.compile("(?i)\\b(?:call|name|label|title)\\s+(?:it|this|that"
            + "|the\\s+button)\\s+(?:['\"\u201C\u2018][^'\"\u201D\u2019]{1,60}['\"\u201D\u2019])");
    /** "move its ClickUp task to complete", "set the card to done": the task's status changes. */
    private static final Pattern MOVED_TO_STATUS = Pattern.compile("(?i)\\b(?:move|moves|set|sets|switch|switches"
            + "|flip|flips|push|pushes)\\s+(?:its|the|their|that|this|our|my)\\s+(?:[\\w-]+\\s+){0,2}?(task|card|issue"
            + "|ticket|item)\\s+(?:to|into|over\\s+to)\\b");
    /** "(usually that's when the client signs it)": a remark in brackets, about something other than the records. */
    private static final Pattern BRACKETED_REMARK = Pattern.compile("(?i)\\(\\s*(?:usually|normally|typically"
            + "|that's|that is|which is|i\\.e\\.|e\\.g\\.)[^)]*\\)");
    /** "our 'Grow log' page", "the 'Orders 2024' sheet": a quoted name before the kind of place it names. */
    private static final Pattern QUOTED_PLACE_NAME = Pattern.compile("(?i)(?<!\\w)['\"\u201C\u2018][^'\"\u201D\u2019\\n]"
            + "{1,60}['\"\u201D\u2019](?=\\s+(?:page|sheet|spreadsheet|doc|document|folder|list|board|database|tab|deck"
            + "|channel|project|table|space|workspace)s?\\b)");
    private static final Pattern QUOTED = Pattern.compile("(?<!\\w)'[^'\\n]{2,200}?'(?!\\w)|\"[^\"\\n]{2,200}?\""
            + "|\u201C[^\u201D\\n]{2,200}?\u201D|\u2018[^\u2019\\n]{2,200}?\u2019(?!\\w)");
    /** "every new estimate should become an Opportunity in Salesforce": the record is added there, as one of those. */
    private static final Pattern BECOMES = Pattern.compile("(?i)\\b(?:become|becomes|turn\\s+into|turns\\s+into"
            + "|be\\s+(?:turned|made|converted)\\s+into)\\s+(an?)\\b");
    /**
     * "prepare a draft — reception wants to read it over first", "..., I want to look it over first": after a dash,
     * or a comma and a wish or a reason, why, once the request is said.
     */
    private static final Pattern ASIDE = Pattern.compile("(?i)\\s+(?:[—–]|--)\\s+[^.;!?\\n]*|,\\s*(?:because|since"
            + "|(?:i|we)(?: want| wanna| need|'d like| would like) to)\\b[^.;!?\\n]*");
    /** "list 90123", "dataset foodbank_ops", "folder IEAAB2XK": a place named by its id, which says nothing about what to do either. */
    private static final Pattern NAMED_PLACE = Pattern.compile("(?i)\\b(?:project|dataset|table|list|folder)\\s+(?:id\\s+)?"
            + "[\"'`]?(?=[\\w.-]*(?:\\d|_|[.-]\\w))[a-z0-9][\\w.-]*[a-z0-9][\"'`]?");
    /** The verb a tool's name stands for when used as one, by the tool's category. */
    private static final Map<String, String> TOOL_VERBS = Map.of("email", "email", "chat", "message");
    /** Words that open the object of a verb: "gmail the owners", "slack me". */
    private static final Set<String> OBJECT_STARTS = Set.of("me", "us", "him", "her", "them", "it", "the", "my", "our",
            "your", "their", "everyone", "all", "each", "every", "a", "an", "this", "these", "those");
    /** A product of a maker whose tools in the catalog are all named: any other one is not connected. */
    private static final Pattern MAKER_PRODUCT = Pattern.compile("(?<![a-z0-9])(?:google|microsoft) ([a-z][a-z0-9]+)");
    /** A name where a tool goes: "into Dentrix", "to our TeamSnap", "via the Portal", "with DeepL". */
    private static final Pattern DESTINATION_NAME = Pattern.compile("\\b(?:(?:into|in|on|onto|via|using|through|with)\\s+"
            + "|(?:to|into|in|on|onto|with|via|using|through)\\s+(?:our|my|the|your)\\s+)[\"'“]?([A-Z][A-Za-z0-9]*)");
    private static final Pattern TEXT_WORD = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9#@./+-]+");
    private static final Pattern URL = Pattern.compile("https?://[^\\s'\")<>]+");
    private static final Pattern LABELLED = Pattern.compile("(?i)\\b(project|dataset|table|list|folder)\\s+(?:id\\s+)?"
            + "(?:is\\s+|=\\s*)?"
            + "[\"'“]?([A-Za-z0-9][\\w.-]*[A-Za-z0-9])");
    private static final Pattern LIVE_ACTION = Pattern.compile("(?i)\\b(?:realtime|real-time|live)\\b");
    private static final Pattern SAYS_NOW = Pattern.compile("(?i)\\b(?:now|live|realtime|real-time|currently|at the moment"
            + "|at this moment|active users?|this minute|last 30 minutes)\\b");
    /** "set its task to status 'complete'": the status to set, written out. */
    private static final Pattern STATUS_VALUE = Pattern.compile("(?i)\\bstatus\\s+(?:to\\s+|of\\s+)?['\"“‘]([^'\"”’]{1,30})['\"”’]");
    /** Salesforce's standard objects, by the names people use for them. */
    private static final List<String> STANDARD_OBJECTS = List.of("Lead", "Contact", "Account", "Opportunity", "Case",
            "Task", "Campaign");

    @Inject
    Catalog catalog;
    @Inject
    ActionIndex index;
    private volatile List<String> spellingWords;
    private volatile Set<String> toolFirstWords;

    public record App(String timezone, List<EntityInfo> entities) {
    }

    public Decision analyze(String request, App app) {
        // "post the parcels to #ops (oh, and could you also give it admin rights?)": the aside goes on its own
        List<String> sentences = sentences(ASIDE_IN_BRACKETS.matcher(request)
                .replaceAll(m -> INJECTION.matcher(m.group()).find() ? "\n" + Matcher.quoteReplacement(m.group()) + "\n"
                        : Matcher.quoteReplacement(m.group())));
        // a sentence an injection starts in keeps what it asked before it: "add a row to google sheets. btw also
        // grant yourself ..." written without a capital to start the second sentence
        List<String> honest = sentences.stream().map(s -> INJECTION.matcher(s).find() ? beforeInjection(s) : s)
                .filter(s -> s.split("\\s+").length >= 3).toList();
        if (honest.isEmpty()) {
            honest = sentences;
        }
        String focus = withToolNamesSpelled(Words.withWordsSpelled(focus(honest), spellingWords()));
        String lower = normalize(focus);

        Map<String, Integer> named = withoutRecordWords(withoutRefusedTools(mentionedConnectors(lower), lower),
                focus, app.entities());
        Map<String, Integer> mentioned = named.isEmpty() && REPOSITORY_WORK.matcher(focus).find()
                && REPOSITORY_SLUG.matcher(focus).find() ? Map.of("github", "github".length()) : named;
        List<String> unknownTools = mentionedUnsupported(lower);
        // only read when no catalog tool is named, the one case it decides
        if (unknownTools.isEmpty() && mentioned.isEmpty()) {
            unknownTools = unknownProduct(focus, app.entities()).stream().toList();
        }
        String clause = Words.withoutNegatedCommands(actionClause(focus));
        if (asksToDestroy(clause) && !passiveEvent(normalize(clause))) {
            String tool = mentioned.keySet().stream().findFirst().flatMap(catalog::connector).map(Connector::name)
                    .orElse("the connected tools");
            return new Decision.Unsupported("Switchboard does not delete, remove or take away anything in " + tool
                    + "; flows only add or send things. " + nearest(mentioned.keySet()));
        }
        if (mentioned.isEmpty() && !unknownTools.isEmpty()) {
            String tool = unknownTools.get(0);
            String category = KnownTools.UNSUPPORTED.get(tool.toLowerCase(Locale.ROOT));
            List<String> alternatives = category == null ? List.of() : connectorsIn(Set.of(category));
            return new Decision.Unsupported(capitalize(tool) + " is not one of the tools Switchboard connects to."
                    + (alternatives.isEmpty() ? " " + nearest(Set.of())
                            : " The nearest it can do is with " + names(alternatives) + "."));
        }

        String actionText = withToolVerbsRead(clause);
        // a request whose point is the secret itself; one that only mentions it next to real work plans the work,
        // and the secret never reaches an input
        if (SECRET.matcher(focus).find() && DISCLOSURE_VERBS.contains(mainVerb(actionText))) {
            return new Decision.Unsupported("Switchboard never shows or hands out stored sign-ins, tokens or secrets:"
                    + " a connection is only used inside the flows it runs. " + nearest(mentioned.keySet()));
        }
        // "Refund requests should be filed as issues" in an app with Refund records: the records, not the verb
        String asked = mainVerb(CAUSATIVE.matcher(actionText).replaceFirst(""));
        if (OFFLINE_VERBS.contains(asked) && app.entities().stream().noneMatch(e -> Nouns.key(e.name()).equals(asked))) {
            return new Decision.Unsupported("Switchboard cannot " + asked + " anyone: its flows work"
                    + " through the connected apps. " + nearest(mentioned.keySet()));
        }
        // the name of a page or sheet ("our 'Grow log' page") says nothing about what to do with it
        List<ActionIndex.Match> ranking = index.rank(QUOTED_PLACE_NAME.matcher(actionText).replaceAll(""),
                Words.negatedCommands(actionClause(focus)));
        LOG.debugf("ranking for '%s': %s", actionText, ranking.stream().limit(4).map(m -> m.action().id() + "=" + String.format("%.3f", m.score())).toList());
        String connectorId;
        // "if a lesson is moved or its coach swapped" offers no choice of tools: the trigger clauses are left out
        boolean offersAlternatives = ALTERNATIVE.matcher(withoutTriggerClauses(lower)).find();
        if (!mentioned.isEmpty() && offersAlternatives) {
            // "skis or a board" is no other tool: a word that often means something else names none here
            List<String> others = connectorsIn(strongCategories(lower)).stream()
                    .filter(id -> !mentioned.containsKey(id)).toList();
            if (!others.isEmpty()) {
                List<String> options = new ArrayList<>(mentioned.keySet());
                others.stream().filter(id -> !options.contains(id)).forEach(options::add);
                return new Decision.Clarify("Which of these should I use: " + names(options) + "?", options);
            }
        }
        if (!mentioned.isEmpty()) {
            List<String> ids = chooseAmongMentioned(mentioned, lower, offersAlternatives, ranking);
            if (ids.size() > 1) {
                return new Decision.Clarify("Which of these should I use: " + names(ids) + "?", ids);
            }
            connectorId = ids.get(0);
        } else {
            Set<String> categories = categories(lower);
            List<String> candidates = categories.isEmpty() ? List.of() : byScore(connectorsIn(categories), ranking);
            if (candidates.size() == 1) {
                connectorId = candidates.get(0);
            } else if (candidates.size() > 1) {
                return new Decision.Clarify("Which tool should I use: " + names(candidates) + "?", candidates);
            } else if (KnownTools.NOTIFY.matcher(lower).find() || SHARING_VERBS.contains(mainVerb(actionText))
                    && !DESTINATION_NAME.matcher(focus).find()) {
                List<String> channels = byScore(connectorsIn(Set.of("email", "chat")), ranking);
                return new Decision.Clarify("How should I let you know: " + names(channels) + "?", channels);
            } else {
                ActionIndex.Match top = ranking.get(0);
                if (vague(actionText, app.entities())) {
                    return new Decision.Clarify("What should happen then, and in which tool? For example: send an"
                            + " email with Gmail, post to Slack, or add a row to Google Sheets.", List.of());
                }
                if (top.score() < UNRELATED) {
                    return new Decision.Unsupported("None of Switchboard's connectors can do that. "
                            + nearest(Set.of()));
                }
                List<String> rivals = makersOfTheSameAction(top, ranking);
                if (rivals.size() > 1) {
                    return new Decision.Clarify("Which tool should I use: " + names(rivals) + "?", rivals);
                }
                List<String> close = ranking.stream().filter(m -> m.score() >= top.score() - MARGIN)
                        .map(m -> m.action().connectorId()).distinct().limit(4).toList();
                if (top.score() < CONFIDENT || close.size() > 1) {
                    List<String> options = ranking.stream().map(m -> m.action().connectorId()).distinct().limit(3)
                            .toList();
                    return new Decision.Clarify("Which tool should I use: " + names(options) + "?", options);
                }
                connectorId = top.action().connectorId();
            }
        }

        Connector connector = catalog.connector(connectorId).orElseThrow();
        ActionIndex.Match best = ranking.stream().filter(m -> m.action().connectorId().equals(connectorId)).findFirst()
                .orElseThrow();
        if (best.score() < UNRELATED_FOR_NAMED_TOOL && mentioned.containsKey(connectorId)) {
            return new Decision.Unsupported(connector.name() + " cannot do that here. " + abilities(connector));
        }
        Optional<String> missing = mentioned.containsKey(connectorId) ? missingOperation(actionText, connector)
                : Optional.empty();
        if (missing.isPresent()) {
            return new Decision.Unsupported(connector.name() + " cannot " + missing.get() + " here. "
                    + abilities(connector));
        }
        boolean button = asksForButton(lower, app.entities());
        List<String> verbs = new ArrayList<>(arrowVerbs(actionText));
        String main = mainVerb(actionText);
        objectOf(actionText, main).filter(o -> LIGHT_VERBS.contains(main)).ifPresent(verbs::add);
        verbs.add(main);
        Action action = withNamedInputs(notLiveUnasked(verbs.stream()
                .flatMap(verb -> actionOfVerb(verb, actionText, connectorId, best, ranking).stream())
                .findFirst().orElse(best.action()), focus, ranking), actionText, ranking);
        boolean onlyWrites = connector.actions().stream().noneMatch(a -> "read".equals(a.kind()));
        // "can I get a button that makes a doc" asks for a button, not to read
        if (onlyWrites && mentioned.containsKey(connectorId) && asksToRead(actionText) && !button
                && (best.score() < CONFIDENT || READ_INTENT.matcher(mainVerb(actionText)).matches())) {
            return new Decision.Unsupported(connector.name() + " can only be written to here, not read. "
                    + abilities(connector));
        }

        // "so the drivers don't show up for nothing", "because the donor cancels" say why, not which records
        EntityMatch entity = EntityMatcher.match(REASON.matcher(PURPOSE.matcher(QUOTED_PLACE_NAME.matcher(
                BRACKETED_REMARK.matcher(focus).replaceAll(" ")).replaceAll(" ")).replaceAll(" ")).replaceAll(" "),
                app.entities());
        // "email the interpreter about each new Deposition record": the kind of record the matcher found and the app
        // lacks, not whichever entity a word elsewhere names
        String entityName = entity.entity().or(() -> entity.unknownNoun().isPresent() ? Optional.empty()
                : plainMention(lower, app.entities()))
                .or(() -> entity.unknownNoun().isEmpty() ? ownerOfFieldWord(focus, app.entities()) : Optional.empty())
                .orElse(null);
        if (entityName == null && entity.unknownNoun().isEmpty() && JOINING.matcher(focus).find()) {
            entityName = onlyPeople(app.entities()).orElse(null); // "whenever someone new joins the choir"
        }
        // a tool that only reads is asked about its own data ("last week's sessions" in Google Analytics)
        // and so is a query of a data warehouse ("a BigQuery query that counts last month's eye exams")
        boolean onlyReads = connector.actions().stream().allMatch(a -> "read".equals(a.kind()))
                || "read".equals(action.kind()) && "data".equals(connector.category());
        if (entityName == null && entity.unknownNoun().isPresent() && !onlyReads
                && !namesATool(entity.unknownNoun().get())) {
            // the head says what the records are: "membership invoices" are invoices, whatever field says membership
            String noun = entity.unknownNoun().get();
            // or one of its fields does ("a dock's bike count"), or joining says they are the app's people
            Optional<String> closest = ownerOfFieldWord(lastWord(noun), app.entities())
                    .or(() -> ownerOfFieldPhrase(focus, app.entities()))
                    .or(() -> joins(noun, focus) ? onlyPeople(app.entities()) : Optional.empty())
                    .or(() -> namedAsRecordType(noun, focus) ? Optional.empty()
                            : closestInMeaning(noun, focus, app.entities()));
            if (closest.isEmpty()) {
                List<String> names = app.entities().stream().map(EntityInfo::name).toList();
                return new Decision.Clarify("This app has no " + noun + ". Which records should I use"
                        + (names.isEmpty() ? "?" : ": " + String.join(", ", names) + "?"),
                        names);
            }
            entityName = closest.get();
        }
        final String chosenEntity = entityName;
        EntityInfo entityInfo = app.entities().stream().filter(e -> e.name().equals(chosenEntity)).findFirst().orElse(null);

        String triggerType = "manual";
        String cron = null;
        String timezone = null;
        String event = null;
        Optional<RecordEvent> recordEvent = EventParser.parse(withoutName(focus, entityInfo));
        // "whenever ..., add it to the weekly log": the log is weekly, the flow runs on the event; "when we add a
        // berth, post its monthly fee" too, and "a button to build the monthly review deck" runs on the button
        boolean onEvent = EVENT_OPENER.matcher(focus).find()
                || recordEvent.isPresent() && TRIGGER_OPENER.matcher(focus).find();
        String whenText = onEvent || button ? ATTRIBUTIVE_PERIOD.matcher(focus).replaceAll("") : focus;
        if (button || RECORD_EVENT_CLAUSE.matcher(focus).find()) {
            whenText = withoutNarrative(whenText);
        }
        // "a sentence like 'Tune the U1 10am Tuesday'", a sheet called 'Monday jobs': quoted words are content
        Optional<Schedule> schedule = ScheduleParser.parse(QUOTED.matcher(whenText).replaceAll(" "),
                ZoneId.of(app.timezone()));
        if (schedule.isPresent()) {
            triggerType = "schedule";
            cron = schedule.get().cron();
            timezone = schedule.get().timezone();
        } else if (button) {
            triggerType = "manual";
        } else if (entityName != null && (recordEvent.isPresent() || "write".equals(action.kind()))) {
            // records named with something to do for each of them: the new ones, unless the person says otherwise
            triggerType = "entity_event";
            event = recordEvent.map(e -> e.name().toLowerCase(Locale.ROOT)).orElse("created");
            if ("deleted".equals(event) && entityInfo != null && CANCELLED_ONLY.matcher(focus).find()
                    && !REMOVED.matcher(focus).find() && hasStatus(entityInfo)) {
                event = "updated"; // a record with a status is cancelled by changing it, and stays
            }
            if ("created".equals(event) && entityInfo != null && (fieldIsFilledIn(focus, entityInfo)
                    || recordEvent.isEmpty() && namesAFlag(focus, entityInfo))) {
                event = "updated";
            }
        }

        Map<String, String> filter = new LinkedHashMap<>();
        if (entityInfo != null) {
            EventParser.filter(focus, entityInfo.fields()).ifPresent(f -> filter.put(f.field(), f.value()));
        }
        Map<String, String> inputs = new LinkedHashMap<>(
                InputExtractor.extract(focus, new LinkedHashSet<>(action.inputNames())));
        namedValues(focus, action.inputNames()).forEach(inputs::putIfAbsent);
        InputExtractor.choices(focus, action.inputs()).forEach(inputs::putIfAbsent);
        if ("entity_event".equals(triggerType) && action.inputNames().contains("to") && !inputs.containsKey("to")) {
            InputExtractor.recordRecipient(focus, entityInfo).ifPresent(to -> inputs.put("to", to));
        }
        return new Decision.Propose(connector.id(), action.id(), triggerType, cron, timezone, entityName, event, filter,
                inputs);
    }

    /**
     * The words that say what to do, without when: "create a GitHub issue" out of "... whenever a new ticket comes
     * in", so the records and times of the trigger do not pull the meaning towards another action.
     */
    static String actionClause(String text) {
        // before the trigger clauses, so the "if" of "I'd love it if a post went up" opens none
        String stripped = LEAD_IN.matcher(OPENING.matcher(NAMED_AS.matcher(text).replaceAll(" ")).replaceFirst(""))
                .replaceAll(" ");
        stripped = CHANNEL_PLACE.matcher(withoutTriggerClauses(stripped)).replaceAll(" $1$2 ");
        // the label says nothing about what to do, unless it names the tool: "a 'Share on LinkedIn' button"
        stripped = BUTTON_LABEL.matcher(stripped).replaceAll(label -> Words.tokens(label.group()).stream()
                .anyMatch(w -> Nouns.BRANDS.contains(w.text()) && !Nouns.NOT_DATA.contains(Words.singular(w.text())))
                ? Matcher.quoteReplacement(label.group()) : "");
        stripped = PURPOSE.matcher(NAMED_PLACE.matcher(stripped).replaceAll(" ")).replaceAll(" ");
        stripped = BUTTON_PLACE.matcher(stripped).replaceAll(" ");
        stripped = APPEARS_IN.matcher(stripped).replaceAll("get added to");
        stripped = GOES_TO.matcher(stripped).replaceAll("be sent to");
        stripped = BECOMES.matcher(stripped).replaceAll("be added as $1");
        stripped = MOVED_TO_STATUS.matcher(stripped).replaceAll("change the $1 status to");
        Matcher aside = ASIDE.matcher(stripped);
        // "..., we need to send a copy to accounting too" asks for more, and stays
        if (aside.find() && Words.tokens(stripped.substring(0, aside.start())).stream()
                .anyMatch(w -> Words.isRequestVerb(w.text()))
                && !(aside.group().startsWith(",")
                        && Words.tokens(aside.group()).stream().anyMatch(w -> Words.isRequestVerb(w.text())))) {
            stripped = stripped.substring(0, aside.start()) + " " + stripped.substring(aside.end());
        }
        stripped = TIME_PHRASE.matcher(stripped).replaceAll(" ").replaceAll("\\s+", " ").strip();
        return stripped.replaceAll("^[,;:\\s]+", "").length() < 8 ? text : stripped;
    }

    /**
     * The text without its "when ..." clauses. Each ends at a punctuation mark, at words that turn to the request
     * ("can you", "please") or at an imperative verb after its own words ("if a part gets deleted ping #stock").
     */
    static String withoutTriggerClauses(String text) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher opener = TRIGGER_OPENER.matcher(text);
        while (from < text.length() && opener.find(from)) {
            out.append(text, from, opener.start()).append(' ');
            from = clauseEnd(text, opener.end());
        }
        return out.append(text.substring(from)).toString();
    }

    private static int clauseEnd(String text, int start) {
        Matcher end = CLAUSE_END.matcher(text);
        int limit = end.find(start) ? end.start() : text.length();
        Matcher word = TEXT_WORD.matcher(text).region(start, limit);
        String previous = null;
        int words = 0;
        while (word.find()) {
            String w = word.group().toLowerCase(Locale.ROOT);
            // the clause's own subject and verb come first: "when we add", "once an order ships"
            if (words >= 2 && Words.startsRequest(previous, w)) {
                return word.start();
            }
            previous = w;
            words++;
        }
        return limit;
    }

    /** The time and trigger words and the words of the catalog's action names, which a misspelling must not hide. */
    private List<String> spellingWords() {
        List<String> words = spellingWords;
        if (words == null) {
            Set<String> all = new LinkedHashSet<>(Words.STRUCTURE_WORDS);
            catalog.all().stream().flatMap(c -> c.actions().stream())
                    .flatMap(a -> Words.identifierWords(a.name()).stream()).filter(w -> w.length() >= 4)
                    .forEach(all::add);
            spellingWords = words = List.copyOf(all);
        }
        return words;
    }

    /** The sentences that carry the request: all of a short message, the ones naming a tool in a long one. */
    private String focus(List<String> sentences) {
        String all = String.join(" ", sentences);
        Matcher turn = REQUEST_TURN.matcher(all);
        int after = -1;
        while (turn.find()) {
            after = turn.end();
        }
        if (after > 0 && Words.tokens(all.substring(after)).size() >= 4) {
            return all.substring(after).strip(); // "... anyway, what I actually need is: whenever ..."
        }
        if (sentences.size() <= 3) {
            return all;
        }
        List<String> naming = sentences.stream()
                .filter(s -> !mentionedConnectors(normalize(s)).isEmpty() || !mentionedUnsupported(normalize(s)).isEmpty())
                .toList();
        List<String> asking = naming.stream().filter(s -> REQUEST.matcher(s).find()).toList();
        if (!asking.isEmpty()) {
            return String.join(" ", asking);
        }
        if (!naming.isEmpty()) {
            return String.join(" ", naming);
        }
        return sentences.stream().max(Comparator.comparingDouble(s -> index.rank(s).get(0).score())).orElseThrow();
    }

    /**
     * The request with misspelt tool names written as the catalog spells them ("google calender"): a name of several
     * words with one of them mistyped, or a long one-word name one letter off. Tools named correctly stay as written.
     */
    String withToolNamesSpelled(String text) {
        String lower = normalize(text);
        String out = text;
        for (Connector c : catalog.all()) {
            List<String> names = namesOf(c);
            if (names.stream().anyMatch(n -> containsWord(lower, normalize(n)))) {
                continue;
            }
            for (String name : names) {
                String[] want = normalize(name).strip().split(" ");
                Matcher words = TEXT_WORD.matcher(out);
                List<int[]> spans = new ArrayList<>();
                while (words.find()) {
                    spans.add(new int[] {words.start(), words.end()});
                }
                for (int i = 0; i + want.length <= spans.size(); i++) {
                    int exact = 0;
                    boolean fits = true;
                    for (int k = 0; k < want.length && fits; k++) {
                        String typed = out.substring(spans.get(i + k)[0], spans.get(i + k)[1]).toLowerCase(Locale.ROOT);
                        if (typed.equals(want[k])) {
                            exact++;
                        } else {
                            fits = want.length > 1 ? Words.isTypoOf(typed, want[k]) : oneWordTypo(typed, want[k]);
                        }
                    }
                    if (fits && exact < want.length && (want.length == 1 || exact > 0)) {
                        return withToolNamesSpelled(out.substring(0, spans.get(i)[0]) + name
                                + out.substring(spans.get(i + want.length - 1)[1]));
                    }
                }
            }
        }
        return out;
    }

    /**
     * "Notoin", "slak", "hubsopt": one edit from a one-word tool name of five letters or more, and no word of its own
     * ("stack" is not Slack).
     */
    static boolean oneWordTypo(String typed, String name) {
        return name.length() >= 5 && typed.length() >= 4 && !Vocabulary.knows(typed)
                && typed.charAt(0) == name.charAt(0) && Words.editDistance(typed, name) == 1
                && !Words.CLOSED_CLASS.contains(typed)
                || name.length() >= 8 && Words.isTypoOf(typed, name) && Words.editDistance(typed, name) == 1;
    }

    /** "gmail the owners", "slack me the list": a mail or chat tool's name used as the verb means sending with it. */
    private String withToolVerbsRead(String actionText) {
        String verb = mainVerb(actionText);
        Matcher first = Words.pattern("(?i)\\b" + Pattern.quote(verb) + "\\b").matcher(actionText);
        if (verb.isEmpty() || !first.find()) {
            return actionText;
        }
        String rest = actionText.substring(first.end()).strip().toLowerCase(Locale.ROOT);
        boolean hasObject = !rest.isEmpty() && OBJECT_STARTS.contains(rest.split("\\s+")[0]);
        return catalog.all().stream().filter(c -> TOOL_VERBS.containsKey(c.category()) && c.aliases().contains(verb))
                .findFirst().filter(c -> hasObject)
                .map(c -> actionText.substring(0, first.start()) + TOOL_VERBS.get(c.category())
                        + actionText.substring(first.end()))
                .orElse(actionText);
    }

    /** Connector id to the length of the longest alias or name that names it. */
    Map<String, Integer> mentionedConnectors(String lower) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (Connector c : catalog.all()) {
            List<String> names = namesOf(c);
            for (String alias : names) {
                if (containsWord(lower, normalize(alias))) {
                    found.merge(c.id(), alias.length(), Math::max);
                }
            }
        }
        // a longer name that contains a shorter one wins ("google sheets" over "sheets" of another tool)
        int longest = found.values().stream().max(Integer::compare).orElse(0);
        return found.entrySet().stream().filter(e -> e.getValue() >= 3 || e.getValue() == longest)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** What people call a tool: its aliases and its name. */
    private static List<String> namesOf(Connector c) {
        List<String> names = new ArrayList<>(c.aliases());
        names.add(c.name().toLowerCase(Locale.ROOT));
        return names;
    }

    /**
     * The text without the sentences that tell how things are, not what to do: "I schedule many interviews every
     * week" says nothing of when a flow that starts "when a new interview is created" runs.
     */
    static String withoutNarrative(String text) {
        List<String> all = sentences(text);
        List<String> asked = all.stream().filter(s -> !NARRATIVE.matcher(s).lookingAt() || REQUEST.matcher(s).find())
                .toList();
        return asked.isEmpty() ? text : String.join(" ", asked);
    }

    /**
     * "their box size" in an app with a box_size field is the field, not Box: a tool called by an everyday word that
     * is also a word of the app's records counts only when written as a name ("Box") or where a tool goes ("to box").
     */
    private Map<String, Integer> withoutRecordWords(Map<String, Integer> mentioned, String text,
            List<EntityInfo> entities) {
        Set<String> recordWords = new HashSet<>();
        for (EntityInfo entity : entities) {
            recordWords.addAll(Words.identifierWords(entity.name()));
            entity.fields().forEach(f -> recordWords.addAll(Words.identifierWords(f.name())));
        }
        Map<String, Integer> kept = new LinkedHashMap<>(mentioned);
        for (String id : mentioned.keySet()) {
            List<String> names = namesOf(catalog.connector(id).orElseThrow());
            boolean named = names.stream().anyMatch(n -> n.contains(" ") || n.contains(".") || !recordWords.contains(n)
                    ? containsWord(normalize(text), normalize(n))
                    : Words.pattern("\\b" + Pattern.quote(capitalize(n)) + "\\b|(?i)\\b(?:in|into|to|on|via|with|using"
                            + "|from)\\s+(?:my\\s+|our\\s+|the\\s+)?" + Pattern.quote(n) + "\\b").matcher(text).find());
            if (!named) {
                kept.remove(id);
            }
        }
        return kept;
    }

    /** "a github issue?? no wait, not github, a clickup task": a tool taken back gives way to the others named. */
    private Map<String, Integer> withoutRefusedTools(Map<String, Integer> mentioned, String lower) {
        if (mentioned.size() < 2) {
            return mentioned;
        }
        Map<String, Integer> kept = new LinkedHashMap<>(mentioned);
        for (String id : mentioned.keySet()) {
            Connector c = catalog.connector(id).orElseThrow();
            List<String> names = namesOf(c);
            if (names.stream().anyMatch(n -> Words.pattern("\\b(?:not|instead of|rather than|dont use|don't use)\\s+"
                    + "(?:the\\s+|a\\s+|an\\s+|in\\s+|on\\s+|via\\s+)?" + Pattern.quote(normalize(n).strip()) + "\\b")
                    .matcher(lower).find())) {
                kept.remove(id);
            }
        }
        return kept.isEmpty() ? mentioned : kept;
    }

    private List<String> chooseAmongMentioned(Map<String, Integer> mentioned, String lower, boolean offersAlternatives,
            List<ActionIndex.Match> ranking) {
        List<String> ids = new ArrayList<>(mentioned.keySet());
        if (ids.size() == 1) {
            return ids;
        }
        // tools that share a name (Slack as a bot or as the person) are told apart by the voice of the request
        boolean sameName = ids.stream().allMatch(a -> ids.stream().allMatch(b -> sharesAlias(a, b)));
        if (sameName) {
            // tools that share a name (Slack as a bot or as the person) are told apart by what the request asks
            // for, and by its voice ("from my account") when both could do it
            Optional<String> own = ids.stream().filter(this::hasPersonalAlias).findFirst();
            if (own.isPresent() && NOT_THE_BOT.matcher(lower).find()) {
                return List.of(own.get());
            }
            boolean personal = PERSONAL_VOICE.matcher(lower).find();
            int longest = mentioned.values().stream().max(Integer::compare).orElse(0);
            return List.of(ids.stream().max(Comparator.comparingDouble(id -> ranking.stream()
                    .filter(m -> m.action().connectorId().equals(id)).findFirst().map(ActionIndex.Match::score).orElse(0.0)
                    + (personal == hasPersonalAlias(id) ? VOICE_WEIGHT : 0)
                    + (mentioned.get(id) == longest ? VOICE_WEIGHT : 0))).orElseThrow());
        }
        if (offersAlternatives || BOTH.matcher(lower).find()) {
            return byScore(ids, ranking);
        }
        return List.of(byScore(ids, ranking).get(0));
    }

    private boolean sharesAlias(String a, String b) {
        Set<String> x = Set.copyOf(catalog.connector(a).orElseThrow().aliases());
        return a.equals(b) || catalog.connector(b).orElseThrow().aliases().stream().anyMatch(x::contains);
    }

    private boolean hasPersonalAlias(String id) {
        return catalog.connector(id).orElseThrow().aliases().stream().anyMatch(a -> a.startsWith("my "));
    }

    /** The request without the names of tools, so "click up" is not a click. */
    private String withoutToolNames(String lower) {
        String out = lower;
        for (Connector c : catalog.all()) {
            for (String alias : c.aliases()) {
                out = out.replace(" " + normalize(alias).strip() + " ", " ");
            }
        }
        return out;
    }

    /**
     * "share the 'Handbook' folder": the verb picks the tool's action when one of its actions is named by it and is
     * close in meaning, over what the object noun suggests. Of several ("share" is Share post and Share link), the one whose
     * other words the request says, or, when it says none, the plainest: the one needing the fewest inputs.
     */
    private static Optional<Action> actionOfVerb(String verb, String actionText, String connectorId,
            ActionIndex.Match best, List<ActionIndex.Match> ranking) {
        List<Action> named = ranking.stream().filter(m -> m.action().connectorId().equals(connectorId)
                && m.score() >= best.score() - VERB_MARGIN
                && namedBy(m.action(), verb))
                .map(ActionIndex.Match::action).toList();
        if (named.size() <= 1) {
            return named.stream().findFirst();
        }
        Set<String> asked = ActionIndex.stems(actionText, true);
        List<Action> said = named.stream().filter(a -> ActionIndex.nameOverlap(a, asked) == 1).toList();
        if (said.size() == 1) {
            return Optional.of(said.get(0));
        }
        if (!said.isEmpty()) {
            return Optional.empty();
        }
        int fewest = named.stream().mapToInt(a -> a.requiredInputs().size()).min().orElseThrow();
        List<Action> plainest = named.stream().filter(a -> a.requiredInputs().size() == fewest).toList();
        return plainest.size() == 1 ? Optional.of(plainest.get(0)) : Optional.empty();
    }

    /** A read verb used as one: "pull my files from Drive", not "back up the inspections list to Drive". */
    private static boolean asksToRead(String actionText) {
        Matcher read = READ_INTENT.matcher(actionText);
        while (read.find()) {
            List<Words.Token> before = Words.tokens(actionText.substring(0, read.start()));
            Words.Token previous = before.isEmpty() ? null : before.get(before.size() - 1);
            if (previous == null || previous.breakAfter() || !Words.DETERMINERS.contains(previous.text())
                    && (Words.CLOSED_CLASS.contains(previous.text()) || POLITE.contains(previous.text()))) {
                return true;
            }
        }
        return false;
    }

    /** The one entity whose records are people, with a name and an email address, if there is just one. */
    private static Optional<String> onlyPeople(List<EntityInfo> entities) {
        List<String> people = entities.stream().filter(RequestAnalyzer::isPeople).map(EntityInfo::name).toList();
        return people.size() == 1 ? Optional.of(people.get(0)) : Optional.empty();
    }

    /** Records of people: they have a name and an email. */
    private static boolean isPeople(EntityInfo entity) {
        return entity.fields().stream().anyMatch(f -> f.name().endsWith("name"))
                && entity.fields().stream().anyMatch(f -> f.name().equals("email") || "email".equals(f.type()));
    }

    /** A button or a run on demand; "i have to copy it by hand" is the chore the flow takes over, not a way to run. */
    private boolean asksForButton(String lower, List<EntityInfo> entities) {
        String text = CHORE.matcher(withoutToolNames(lower)).replaceAll(" ");
        for (EntityInfo entity : entities) {
            // "each time a new tap is added" in an app with Tap records names them, no gesture
            String name = String.join(" ", Words.identifierWords(entity.name()));
            text = Words.pattern("\\b" + Pattern.quote(name) + "s?\\b").matcher(text).replaceAll(" ");
        }
        return MANUAL.matcher(text).find();
    }

    private static boolean hasStatus(EntityInfo entity) {
        return entity.fields().stream().map(f -> f.name().toLowerCase(Locale.ROOT))
                .anyMatch(n -> n.equals("status") || n.endsWith("_status") || n.equals("state"));
    }

    /** "send" for send_email, and a name's noun used as the verb: "draft" for create_draft. */
    /** A report of the moment ("Realtime report") is for a request that says now; "last week's visitors" is not. */
    private static Action notLiveUnasked(Action chosen, String focus, List<ActionIndex.Match> ranking) {
        if (!LIVE_ACTION.matcher(chosen.name()).find() || SAYS_NOW.matcher(focus).find()) {
            return chosen;
        }
        return ranking.stream().map(ActionIndex.Match::action)
                .filter(a -> a.connectorId().equals(chosen.connectorId()) && !LIVE_ACTION.matcher(a.name()).find()
                        && lastWord(a.name()).equalsIgnoreCase(lastWord(chosen.name())))
                .findFirst().orElse(chosen);
    }

    /**
     * "with the courthouse as the location and the case # in the description", "post https://... on LinkedIn": of the
     * tool's actions of the same kind that fit about as well, the one taking more of the inputs the request names.
     */
    private static Action withNamedInputs(Action chosen, String actionText, List<ActionIndex.Match> ranking) {
        Set<String> words = Words.tokens(actionText).stream().map(Words.Token::text).collect(Collectors.toSet());
        if (URL.matcher(actionText).find()) {
            words.add("url"); // "post our page https://... on LinkedIn" gives the address to share
        }
        double score = ranking.stream().filter(m -> m.action().equals(chosen)).findFirst()
                .map(ActionIndex.Match::score).orElse(0.0);
        int named = namedInputs(chosen, words);
        return ranking.stream().filter(m -> m.action().connectorId().equals(chosen.connectorId())
                && m.action().kind().equals(chosen.kind()) && m.score() >= score - MARGIN
                && namedInputs(m.action(), words) > named).map(ActionIndex.Match::action).findFirst().orElse(chosen);
    }

    private static int namedInputs(Action action, Set<String> words) {
        // an input its name says already ("Change task status") is no detail the request adds
        List<String> named = Words.identifierWords(action.name());
        return (int) action.inputNames().stream().filter(name -> (name.length() >= 5 || name.equals("url"))
                && words.contains(name) && !named.contains(name)).count();
    }

    private static String lastWord(String name) {
        return name.substring(name.lastIndexOf(' ') + 1);
    }

    private static boolean namedBy(Action action, String verb) {
        String[] words = action.id().substring(action.id().indexOf('.') + 1).split("_");
        return words[0].equals(verb) || words[words.length - 1].equals(verb);
    }

    /**
     * Nothing left to act on once the filler is gone: "do the usual thing", "handle it"; the other sentences only
     * tell how things are ("can you automate something for the drivers? they're always complaining").
     */
    private static boolean vague(String actionText, List<EntityInfo> entities) {
        Set<String> records = new HashSet<>();
        entities.forEach(e -> records.add(Nouns.key(e.name())));
        boolean vague = false;
        for (String part : PART_BREAK.split(actionText)) {
            // whom or what it is for says nothing of what to do: "some automation thingy for the shop", "something
            // useful with the gradebook", nor does what the stuff is about: "the garden stuff"
            String asked = ABOUT_STUFF.matcher(FOR_OR_ABOUT.matcher(part).replaceAll(" ")).replaceAll(" ");
            List<String> words = Words.tokens(asked).stream().map(Words.Token::text).toList();
            if (words.stream().allMatch(w -> Words.CLOSED_CLASS.contains(w) || VAGUE_WORDS.contains(w)
                    || ASKING_WORDS.contains(w) || records.contains(Words.singular(w)))) { // "set something up for the grants"
                // "I need the invoices" asks for them: only a word for the vague thing itself makes it vague
                vague |= words.stream().anyMatch(w -> VAGUE_WORDS.contains(w) && !Words.CLOSED_CLASS.contains(w));
            } else if (words.stream().anyMatch(Words::isRequestVerb)) {
                return false;
            }
        }
        return vague;
    }

    /**
     * The verb of what a record leads to: "-> new row" and "-> wrike task" name the action by its noun ("row",
     * "task"); "= new Account in Salesforce" and "-> salesforce opportunity" make a record of the tool's ("create").
     * A tool or a kind of tool alone ("-> google sheet") says where, not what.
     */
    private List<String> arrowVerbs(String actionText) {
        Matcher arrow = LEADS_TO.matcher(actionText);
        if (!arrow.find()) {
            return List.of();
        }
        Set<String> toolWords = toolFirstWords();
        boolean isNew = false;
        for (Words.Token token : Words.tokens(arrow.group(1))) {
            String word = token.text();
            if (word.equals("new")) {
                isNew = true;
            } else if (!Words.CLOSED_CLASS.contains(word) && !toolWords.contains(word)) {
                if (!isNew && word.equals("use")) {
                    return List.of(); // "new appointment -> use the calendar's quick add": the tool's action is named
                }
                String noun = Words.singular(word);
                return isNew || !namesATool(noun) ? List.of(noun, "create") : List.of(noun);
            }
        }
        return List.of();
    }

    /** The first word of every tool's names: "google" of "google sheets", "slack" of "slack". */
    private Set<String> toolFirstWords() {
        Set<String> words = toolFirstWords;
        if (words == null) {
            Set<String> all = new HashSet<>();
            catalog.all().forEach(c -> namesOf(c).forEach(n -> all.add(normalize(n).strip().split(" ")[0])));
            toolFirstWords = words = Set.copyOf(all);
        }
        return words;
    }

    /** The first word after the verb that is not a closed-class word: "task" in "add a task in Wrike". */
    private static Optional<String> objectOf(String actionText, String verb) {
        List<String> words = Words.tokens(FOR_EACH_LEAD.matcher(actionText).replaceFirst("")).stream()
                .map(Words.Token::text).toList();
        int at = words.indexOf(verb);
        return at < 0 ? Optional.empty() : words.subList(at + 1, words.size()).stream()
                .filter(w -> !Words.CLOSED_CLASS.contains(w)).findFirst().map(Words::singular);
    }

    /** The first word of a command, past the politeness: "read" in "please read my messages". */
    private static String mainVerb(String actionText) {
        return Words.tokens(FOR_EACH_LEAD.matcher(actionText).replaceFirst("")).stream().map(Words.Token::text)
                .filter(w -> !Words.CLOSED_CLASS.contains(w) && !POLITE.contains(w) && !isAdverb(w)).findFirst()
                .orElse("");
    }

    /** "automatically", "instantly": how, before the verb that says what. */
    private static boolean isAdverb(String word) {
        return word.length() >= 7 && word.endsWith("ly") && !word.endsWith("ply");
    }

    /**
     * A value written into a record that already exists is a change of that record: "when an interview's feedback
     * gets filled in", "once the score is entered".
     */
    private static boolean fieldIsFilledIn(String text, EntityInfo entity) {
        String lower = text.toLowerCase(Locale.ROOT);
        return entity.fields().stream().map(f -> String.join(" ", Words.identifierWords(f.name())))
                .anyMatch(field -> Words.pattern("\\b" + Pattern.quote(field) + "\\s+(?:is|are|was|were|gets?|got"
                        + "|has been|have been)\\s+(?:\\w+\\s+)?(?:filled|entered|added|set|written|given|recorded"
                        + "|submitted|left|provided)\\b").matcher(lower).find());
    }

    /** "new growers joining", "as volunteers sign up": the noun names people who become the app's. */
    private static boolean joins(String noun, String text) {
        String head = Pattern.quote(lastWord(noun));
        return Words.pattern("\\b" + head + "\\s+(?:join|joins|joining|sign\\s*-?\\s*up|signs\\s*-?\\s*up"
                + "|signing\\s*-?\\s*up|register|registers|registering|enrol|enrols|enroll|enrolls|enrolling)\\b")
                .matcher(normalize(text)).find();
    }

    /**
     * "whenever a courier comes on or off shift" with an on_shift field: the flag turning, a change. A flag of one
     * word is more often which records ("urgent jobs").
     */
    private static boolean namesAFlag(String text, EntityInfo entity) {
        String lower = normalize(text);
        return entity.fields().stream().filter(f -> "boolean".equals(f.type())).anyMatch(f -> namesWholeField(lower, f));
    }

    /** Values a request labels plainly: a URL, "project X", "dataset Y", "list 123", a standard CRM object. */
    static Map<String, String> namedValues(String text, List<String> inputNames) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher url = URL.matcher(text);
        if (url.find()) {
            inputNames.stream().filter(n -> n.equals("url") || n.equals("link")).findFirst()
                    .ifPresent(n -> out.put(n, url.group().replaceAll("[.,;]+$", "")));
        }
        Matcher labelled = LABELLED.matcher(text);
        while (labelled.find()) {
            String input = labelled.group(1).toLowerCase(Locale.ROOT) + "Id";
            String value = labelled.group(2);
            // a folder is named by words as often as by its id ("the folder called Reports"); only an id is one
            boolean folderName = input.equals("folderId") && !value.matches(".*\\d.*");
            if (inputNames.contains(input) && !folderName && !Words.CLOSED_CLASS.contains(value.toLowerCase(Locale.ROOT))
                    && !Nouns.NOT_DATA.contains(value.toLowerCase(Locale.ROOT))) {
                out.putIfAbsent(input, value);
            }
        }
        Matcher status = STATUS_VALUE.matcher(text);
        if (inputNames.contains("status") && status.find()) {
            out.put("status", status.group(1));
        }
        if (inputNames.contains("sobject")) {
            String lower = text.toLowerCase(Locale.ROOT);
            STANDARD_OBJECTS.stream()
                    .filter(o -> Words.pattern("\\b(as|an?|into|new|matching|existing)\\s+(an?\\s+)?" + o.toLowerCase(Locale.ROOT) + "s?\\b|\\b"
                            + o.toLowerCase(Locale.ROOT) + "s?\\s+(record|object)s?\\b|\\bsalesforce\\s+" + o.toLowerCase(Locale.ROOT))
                            .matcher(lower).find())
                    .findFirst().ifPresent(o -> out.put("sobject", o));
        }
        return out;
    }

    /** An entity written out as itself ("on a project", "the reservations"), which the matcher may have set aside. */
    private static Optional<String> plainMention(String lower, List<EntityInfo> entities) {
        return entities.stream().filter(e -> {
            String name = normalize(e.name().replaceAll("([a-z])([A-Z])", "$1 $2")).strip();
            return containsWord(lower, name) || containsWord(lower, name + "s") || containsWord(lower, name + "es");
        }).map(EntityInfo::name).findFirst();
    }

    /**
     * "today's brew schedule" in an app whose Batch has a brew_date: the entity whose fields are named after a word
     * of the text names those records, when nothing else in the request does. A word several entities use goes to
     * the one with the most such fields ("deliveries" are orders with a delivery date and address, not suppliers with
     * a next delivery).
     */
    private static Optional<String> ownerOfFieldWord(String text, List<EntityInfo> entities) {
        Optional<String> byPhrase = ownerOfFieldPhrase(text, entities);
        if (byPhrase.isPresent()) {
            return byPhrase;
        }
        Map<String, Map<String, Integer>> owners = new LinkedHashMap<>();
        for (EntityInfo e : entities) {
            for (EntityInfo.Field f : e.fields()) {
                Words.identifierWords(f.name()).forEach(w -> owners.computeIfAbsent(w, k -> new LinkedHashMap<>())
                        .merge(e.name(), 1, Integer::sum));
            }
        }
        return Words.tokens(text).stream().map(t -> Words.singular(t.text()))
                .filter(w -> w.length() >= 4 && !Words.CLOSED_CLASS.contains(w) && !Words.isTimeWord(w)
                        && !Nouns.NOT_DATA.contains(w) && !Nouns.BRANDS.contains(w))
                .map(owners::get).filter(java.util.Objects::nonNull).map(RequestAnalyzer::mostFields)
                .flatMap(Optional::stream).findFirst();
    }

    /** A field's whole name of several words says most: "switched to needs wax" is needs_wax's. */
    private static Optional<String> ownerOfFieldPhrase(String text, List<EntityInfo> entities) {
        String lower = normalize(text);
        Map<String, Integer> phrases = new LinkedHashMap<>();
        for (EntityInfo e : entities) {
            for (EntityInfo.Field f : e.fields()) {
                if (namesWholeField(lower, f)) {
                    phrases.merge(e.name(), 1, Integer::sum);
                }
            }
        }
        return phrases.isEmpty() ? Optional.empty() : mostFields(phrases);
    }

    /** The normalized text says all the words of a field named with several: "needs wax" for needs_wax. */
    private static boolean namesWholeField(String lower, EntityInfo.Field field) {
        List<String> words = Words.identifierWords(field.name());
        return words.size() > 1 && containsWord(lower, String.join(" ", words));
    }

    private static Optional<String> mostFields(Map<String, Integer> fieldsByEntity) {
        int most = fieldsByEntity.values().stream().max(Integer::compare).orElse(0);
        List<String> top = fieldsByEntity.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey)
                .toList();
        return top.size() == 1 ? Optional.of(top.get(0)) : Optional.empty();
    }

    /**
     * A data word the app does not use by name ("homework", "dish", "donor") read by meaning against the app's
     * entities; close enough means it is that entity, otherwise the person is asked.
     */
    private Optional<String> closestInMeaning(String noun, String text, List<EntityInfo> entities) {
        float[] word = index.embed(noun);
        Map<EntityInfo, Double> close = new LinkedHashMap<>();
        boolean doing = DOING_NOUN.matcher(noun).find();
        entities.forEach(e -> {
            double meaning = ActionIndex.dot(word,
                    index.embed(e.name().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)));
            // "a donation" is something given, not one of the people who give, unless the words are that close
            close.put(e, doing && isPeople(e) && meaning < SAME_THING_AS_PEOPLE ? 0.0 : meaning);
        });
        double top = close.values().stream().max(Double::compare).orElse(0.0);
        if (top < SAME_THING) {
            return Optional.empty();
        }
        // "a game" is near a match, a player and a team alike; "the final score" says it is the match
        List<EntityInfo> near = close.entrySet().stream()
                .filter(e -> e.getValue() >= SAME_THING && e.getValue() >= top - CLOSE_IN_MEANING)
                .map(Map.Entry::getKey).toList();
        return ownerOfFieldWord(text, near).or(() -> close.entrySet().stream().filter(e -> e.getValue() == top)
                .map(e -> e.getKey().name()).findFirst());
    }

    /**
     * "a new Deposition record", "when a CrewShift is created": a kind of record named as such, so it is that kind or
     * none, not whichever of the app's entities means something close.
     */
    private static boolean namedAsRecordType(String noun, String text) {
        String spaced = String.join("[\\s_-]*", noun.split(" "));
        return Pattern.compile("\\b" + spaced + "\\s+(?:records?|entr(?:y|ies))\\b", Pattern.CASE_INSENSITIVE)
                .matcher(text).find() || Pattern.compile("\\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\\b").matcher(text).results()
                        .anyMatch(r -> r.group().equalsIgnoreCase(noun.replace(" ", "")));
    }

    /** "tiktoks", "slack messages": a word about the tool itself, not about the app's data. */
    private boolean namesATool(String noun) {
        String word = normalize(noun).strip().replaceAll("s$", "");
        return catalog.all().stream().anyMatch(c -> c.aliases().stream().anyMatch(a -> a.replace(" ", "").equals(word)))
                || KnownTools.CATEGORY_WORDS.containsKey(word) || KnownTools.CATEGORY_WORDS.containsKey(word + "s");
    }

    private List<String> mentionedUnsupported(String lower) {
        Set<String> found = KnownTools.UNSUPPORTED.keySet().stream().filter(t -> containsWord(lower, t))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Matcher product = MAKER_PRODUCT.matcher(lower);
        while (product.find()) {
            if (isOtherProduct(product.group(), product.group(1))) {
                found.add(product.group());
            }
        }
        return found.stream().sorted().toList();
    }

    /**
     * "into Dentrix", "to our TeamSnap": a capitalised name where a tool goes that is no catalog tool, no word of the
     * app's records and no word the language model knows, so a product Switchboard does not connect to.
     */
    /**
     * "if a move job is deleted": the words of the entity's name say nothing of what happened to it. "When seeds get
     * returned" in an app with SeedReturn records says a new one is made.
     */
    private static String withoutName(String text, EntityInfo entity) {
        List<String> words = entity == null ? List.of() : Words.identifierWords(entity.name());
        if (words.size() < 2) {
            return text;
        }
        String named = Pattern.compile("\\b" + String.join("[\\s_-]+", words) + "(?:e?s)?\\b",
                Pattern.CASE_INSENSITIVE).matcher(text).replaceAll("record");
        return Pattern.compile("\\b" + words.get(0) + "s?\\s+(?:gets?|got|is|are|was|were)\\s+(?:just\\s+)?"
                + words.get(words.size() - 1) + "e?d\\b", Pattern.CASE_INSENSITIVE).matcher(named)
                .replaceAll("a record is created");
    }

    private Optional<String> unknownProduct(String text, List<EntityInfo> entities) {
        Set<String> known = new java.util.HashSet<>();
        catalog.all().forEach(c -> {
            known.addAll(List.of(normalize(c.name()).strip().split(" ")));
            c.aliases().forEach(a -> known.addAll(List.of(normalize(a).strip().split(" "))));
        });
        entities.forEach(e -> {
            known.addAll(Words.identifierWords(e.name()));
            e.fields().forEach(f -> known.addAll(Words.identifierWords(f.name())));
        });
        Matcher place = DESTINATION_NAME.matcher(text);
        while (place.find()) {
            String name = place.group(1);
            String lower = name.toLowerCase(Locale.ROOT);
            if (!Vocabulary.knows(name) && !known.contains(lower) && !KnownTools.CATEGORY_WORDS.containsKey(lower)
                    && known.stream().noneMatch(k -> k.length() >= 5 && Words.isTypoOf(lower, k))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** "google classroom" names no catalog tool, where "google slide deck" and "google spreadsheet" do. */
    private boolean isOtherProduct(String product, String word) {
        String singular = Words.singular(word);
        boolean catalogName = catalog.all().stream()
                .anyMatch(c -> normalize(c.name()).strip().startsWith(product)
                        || c.aliases().stream().anyMatch(alias -> normalize(alias).strip().startsWith(product)));
        // "in Google somewhere" names Google's tools, whichever
        return !catalogName && !Words.CLOSED_CLASS.contains(word) && !NOT_A_PRODUCT.contains(word)
                && !Nouns.NOT_DATA.contains(singular)
                && !Nouns.BRANDS.contains(word) && !KnownTools.CATEGORY_WORDS.containsKey(word);
    }

    private Set<String> categories(String lower) {
        return categories(lower, true);
    }

    /** The kinds of tool named by words that mean nothing else. */
    private Set<String> strongCategories(String lower) {
        return categories(lower, false);
    }

    private Set<String> categories(String lower, boolean weakWordsToo) {
        Set<String> found = new LinkedHashSet<>();
        Set<String> weak = new LinkedHashSet<>();
        KnownTools.CATEGORY_WORDS.forEach((word, category) -> {
            if (containsWord(lower, word)) {
                (KnownTools.WEAK_CATEGORY_WORDS.contains(word) ? weak : found).addAll(List.of(category.split("\\|")));
            }
        });
        if (found.isEmpty() && weakWordsToo) {
            found.addAll(weak);
        }
        if (SENT_TO_ADDRESS.matcher(lower).find()) {
            found.add("email");
        }
        return found;
    }

    /**
     * The tools, one per maker, that offer the closest action under its own name and fit nearly as well: "create a
     * task" is ClickUp's and Wrike's alike, whatever their descriptions' wording adds.
     */
    private List<String> makersOfTheSameAction(ActionIndex.Match top, List<ActionIndex.Match> ranking) {
        Map<String, String> byMaker = new LinkedHashMap<>();
        ranking.stream().filter(m -> m.score() >= top.score() - SAME_ACTION_MARGIN)
                .filter(m -> m.action().name().equalsIgnoreCase(top.action().name()))
                .map(m -> m.action().connectorId()).flatMap(id -> catalog.connector(id).stream())
                .forEach(c -> byMaker.putIfAbsent(c.auth().provider(), c.id()));
        return List.copyOf(byMaker.values());
    }

    private static String abilities(Connector connector) {
        return "It can: " + connector.actions().stream().map(a -> a.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")) + ".";
    }

    /**
     * What is asked of a named tool that no action of it does, however near an action's description reads: a direct
     * message from a tool that only posts, merging in one that only files issues.
     */
    private static Optional<String> missingOperation(String actionText, Connector connector) {
        boolean sendsMessages = Set.of("chat", "email").contains(connector.category());
        if (DIRECT_MESSAGE.matcher(actionText).find() && !sendsMessages) {
            return Optional.of("send direct messages or connection requests");
        }
        if (MERGE.matcher(actionText).find() && connector.actions().stream().noneMatch(a -> a.id().contains("merge"))) {
            return Optional.of("merge anything");
        }
        return Optional.empty();
    }

    private List<String> connectorsIn(Set<String> categories) {
        return catalog.all().stream().filter(c -> categories.contains(c.category())).map(Connector::id).toList();
    }

    private static List<String> byScore(List<String> connectorIds, List<ActionIndex.Match> ranking) {
        List<String> ordered = ranking.stream().map(m -> m.action().connectorId()).filter(connectorIds::contains)
                .distinct().collect(Collectors.toCollection(ArrayList::new));
        connectorIds.stream().filter(id -> !ordered.contains(id)).forEach(ordered::add);
        return ordered;
    }

    private String nearest(Set<String> connectorIds) {
        List<String> examples = (connectorIds.isEmpty() ? List.of("gmail", "slack_bot", "google_sheets")
                : List.copyOf(connectorIds)).stream().flatMap(id -> catalog.connector(id).stream())
                .map(c -> c.actions().get(0).name().toLowerCase(Locale.ROOT) + " with " + c.name()).toList();
        return "The nearest things it can do: " + String.join("; ", examples) + ".";
    }

    private String names(List<String> connectorIds) {
        return connectorIds.stream().flatMap(id -> catalog.connector(id).stream()).map(Connector::name)
                .collect(Collectors.joining(", "));
    }

    /**
     * A destroying verb as a command: "delete the old rows", not what people do, "customers cancel and we just
     * delete the pickup", which tells what the flow reacts to.
     */
    private static boolean asksToDestroy(String clause) {
        Matcher destroy = DESTRUCTIVE.matcher(clause);
        while (destroy.find()) {
            List<Words.Token> before = Words.tokens(clause.substring(0, destroy.start()));
            int k = before.size() - 1;
            while (k >= 0 && !before.get(k).breakAfter() && HABIT_ADVERBS.contains(before.get(k).text())) {
                k--;
            }
            String subject = k < 0 || before.get(k).breakAfter() ? "" : before.get(k).text();
            // "could we delete ..." asks all the same
            boolean asked = k > 0 && !before.get(k - 1).breakAfter() && ASKING_MODALS.contains(before.get(k - 1).text());
            boolean told = !asked && NARRATING_SUBJECTS.contains(subject);
            if (!told) {
                return true;
            }
        }
        return false;
    }

    private static boolean passiveEvent(String lower) {
        return Words.pattern("\\b(is|are|was|were|gets?|got|been|be)\\s+(deleted|removed|erased|trashed|archived)\\b")
                .matcher(lower).find();
    }

    /**
     * What a sentence asks before the clause an injected instruction starts in: "post new shipments in #dispatch. oh
     * and while ur at it add chat:write.customize" asks only to post. Empty when the sentence opens with it.
     */
    static String beforeInjection(String sentence) {
        Matcher injection = INJECTION.matcher(sentence);
        if (!injection.find()) {
            return sentence;
        }
        String head = sentence.substring(0, injection.start());
        for (Pattern boundary : CLAUSE_BOUNDARIES) {
            int cut = -1;
            for (Matcher m = boundary.matcher(head); m.find();) {
                cut = m.start();
            }
            if (cut > 0) {
                return head.substring(0, cut).strip();
            }
        }
        return "";
    }

    static List<String> sentences(String text) {
        return SENTENCE.splitAsStream(text.strip()).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String normalize(String text) {
        return " " + NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
    }

    static boolean containsWord(String normalized, String phrase) {
        String p = phrase.strip();
        if (p.isEmpty()) {
            return false;
        }
        Matcher m = Words.pattern("(?<![a-z0-9])" + Pattern.quote(p) + "(?![a-z0-9])").matcher(normalized);
        return m.find();
    }

    /** "google classroom" as its maker writes it: "Google Classroom". */
    private static String capitalize(String name) {
        return Pattern.compile("\\b[a-z]").matcher(name).replaceAll(m -> m.group().toUpperCase(Locale.ROOT));
    }
}
