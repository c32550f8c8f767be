package io.switchboard.agent.offline;

import java.util.Map;

/**
 * General knowledge the offline model carries about well-known tools Switchboard does not connect to, each with the
 * catalog category of its nearest supported alternative.
 */
final class KnownTools {
    static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("trello", "project_management"), Map.entry("asana", "project_management"),
            Map.entry("jira", "project_management"), Map.entry("monday.com", "project_management"),
            Map.entry("basecamp", "project_management"), Map.entry("todoist", "project_management"),
            Map.entry("linear", "developer"), Map.entry("gitlab", "developer"), Map.entry("bitbucket", "developer"),
            Map.entry("microsoft teams", "chat"), Map.entry("ms teams", "chat"), Map.entry("teams channel", "chat"),
            Map.entry("mattermost", "chat"), Map.entry("telegram", "chat"), Map.entry("whatsapp", "chat"),
            Map.entry("signal", "chat"), Map.entry("zoom", "calendar"), Map.entry("calendly", "calendar"),
            Map.entry("outlook", "email"), Map.entry("hotmail", "email"), Map.entry("yahoo mail", "email"),
            Map.entry("mailchimp", "email"), Map.entry("sendgrid", "email"), Map.entry("mailgun", "email"),
            Map.entry("twilio", "chat"), Map.entry("sms", "chat"), Map.entry("text message", "chat"),
            Map.entry("dropbox", "files"), Map.entry("onedrive", "files"), Map.entry("sharepoint", "files"),
            Map.entry("icloud", "files"), Map.entry("airtable", "spreadsheets"), Map.entry("excel", "spreadsheets"),
            Map.entry("smartsheet", "spreadsheets"), Map.entry("microsoft word", "documents"),
            Map.entry("powerpoint", "presentations"), Map.entry("keynote", "presentations"),
            Map.entry("evernote", "notes"), Map.entry("confluence", "notes"), Map.entry("coda", "notes"),
            Map.entry("pipedrive", "crm"), Map.entry("zoho", "crm"), Map.entry("zendesk", "crm"),
            Map.entry("intercom", "crm"), Map.entry("freshdesk", "crm"), Map.entry("dynamics 365", "crm"),
            Map.entry("stripe", "data"), Map.entry("shopify", "data"), Map.entry("quickbooks", "data"),
            Map.entry("xero", "data"), Map.entry("snowflake", "data"), Map.entry("redshift", "data"),
            Map.entry("mixpanel", "analytics"), Map.entry("amplitude", "analytics"), Map.entry("segment", "analytics"),
            Map.entry("facebook", "social"), Map.entry("instagram", "social"), Map.entry("twitter", "social"),
            Map.entry("threads", "social"), Map.entry("mastodon", "social"), Map.entry("bluesky", "social"),
            Map.entry("pinterest", "social"), Map.entry("reddit", "social"), Map.entry("strava", "social"),
            Map.entry("meetup.com", "social"), Map.entry("eventbrite", "calendar"), Map.entry("youtube", "video"),
            Map.entry("vimeo", "video"), Map.entry("snapchat", "video"), Map.entry("typeform", "spreadsheets"),
            Map.entry("google forms", "spreadsheets"), Map.entry("google chat", "chat"), Map.entry("google meet", "calendar"),
            Map.entry("google tasks", "project_management"), Map.entry("google keep", "notes"),
            Map.entry("indeed", "social"), Map.entry("glassdoor", "social"), Map.entry("pagerduty", "chat"),
            Map.entry("opsgenie", "chat"), Map.entry("tweet", "social"), Map.entry("x.com", "social"),
            Map.entry("printer", "files"), Map.entry("fax", "email"), Map.entry("phone call", "chat"),
            Map.entry("voicemail", "chat"), Map.entry("venmo", "data"), Map.entry("paypal", "data"),
            Map.entry("substack", "social"), Map.entry("wordpress", "notes"), Map.entry("webflow", "notes"),
            Map.entry("squarespace", "notes"), Map.entry("tumblr", "social"), Map.entry("patreon", "social"),
            Map.entry("salesloft", "crm"), Map.entry("freshbooks", "data"), Map.entry("workday", "data"));

    /** Words that name a kind of tool rather than a tool, mapped to catalog categories ("|" between several). */
    static final Map<String, String> CATEGORY_WORDS = Map.ofEntries(
            Map.entry("email", "email"), Map.entry("emails", "email"), Map.entry("e-mail", "email"),
            Map.entry("mail", "email"), Map.entry("inbox", "email"), Map.entry("emailed", "email"),
            Map.entry("spreadsheet", "spreadsheets"), Map.entry("spreadsheets", "spreadsheets"),
            Map.entry("sheet", "spreadsheets"), Map.entry("doc", "documents"), Map.entry("document", "documents"),
            Map.entry("docs", "documents"), Map.entry("presentation", "presentations"), Map.entry("deck", "presentations"),
            Map.entry("slideshow", "presentations"), Map.entry("calendar", "calendar"),
            Map.entry("cloud storage", "files"), Map.entry("file storage", "files"), Map.entry("storage", "files"),
            Map.entry("folder", "files"), Map.entry("the cloud", "files"),
            Map.entry("backed up", "files"), Map.entry("back up", "files"), Map.entry("board", "project_management"),
            Map.entry("boards", "project_management"), Map.entry("crm", "crm"), Map.entry("chat", "chat"),
            Map.entry("channel", "chat"), Map.entry("the team", "chat"), Map.entry("my team", "chat"),
            Map.entry("project management", "project_management"), Map.entry("task tracker", "project_management"),
            Map.entry("task manager", "project_management"), Map.entry("project tool", "project_management"),
            Map.entry("project tracker", "project_management"), Map.entry("project app", "project_management"),
            Map.entry("task tool", "project_management"), Map.entry("task app", "project_management"),
            Map.entry("kanban", "project_management"),
            Map.entry("repository", "developer"), Map.entry("repo", "developer"), Map.entry("bug tracker", "developer"),
            Map.entry("wiki", "notes"), Map.entry("knowledge base", "notes"), Map.entry("data warehouse", "data"),
            Map.entry("warehouse", "data"), Map.entry("sql", "data"), Map.entry("website traffic", "analytics"),
            Map.entry("traffic", "analytics"), Map.entry("page views", "analytics"), Map.entry("social media", "social|video"),
            Map.entry("socials", "social|video"), Map.entry("social channels", "social|video"),
            Map.entry("my videos", "video"));

    /** Category words that often mean something else ("email the board"): they count only when no other does. */
    static final java.util.Set<String> WEAK_CATEGORY_WORDS = java.util.Set.of("board", "boards", "back up", "backed up");

    /** Asking to be told, without saying how: email or chat could both do it. */
    static final java.util.regex.Pattern NOTIFY = java.util.regex.Pattern.compile("\\b(let ((the |our |my )?\\w+) know"
            + "|notif(y|ied|ies|ication|ications)|alert(s|ed)?|remind(ed)?|tell (me|us)|ping|heads[- ]up"
            + "|keep (me|us|them|the team|\\w+ \\w+) (posted|updated|informed|in the loop)"
            + "|make sure (\\w+ ){1,3}(knows?|hears?|is aware|are aware|gets? told))\\b");

    private KnownTools() {
    }
}
