package io.switchboard.agent.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputExtractorTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            channel,text              | Post a message to the Slack #support channel when a new ticket is created.   | channel=support
            channel                   | Have our Slack bot announce urgent tickets in #escalations as soon as they are created. | channel=escalations
            channel                   | Announce each new event in the #announcements channel of our Discord server. | channel=announcements
            channel                   | Post new tickets to the support channel.                                    | channel=support
            channel                   | Post new deals in channel general on Slack.                                 | channel=general
            channel                   | Post to our Slack channel when a deal closes.                               |
            to,subject,body           | Send me a daily email with my to-do list using Gmail.                       | to={user.email}
            to                        | Let me know by email whenever a deal is won.                                | to={user.email}
            to,subject                | Email bob@acme.com and ann@acme.io every Friday with the subject "Weekly orders". | to=bob@acme.com,ann@acme.io;subject=Weekly orders
            to                        | Draft a follow-up email in Gmail for every new lead.                        |
            to                        | Order me a pizza every Friday at noon.                                      |
            owner,repo,title          | Create a GitHub issue in acme/support-portal whenever a new ticket comes in. | owner=acme;repo=support-portal
            owner,repo                | Open a GitHub issue in acme/helpdesk-app whenever a new ticket is created.  | owner=acme;repo=helpdesk-app
            repository                | File an issue in https://github.com/octo-org/web.git for each bug report.   | repository=octo-org/web
            repo                      | Create issues in the frontend repo for new bugs.                            | repo=frontend
            owner,repo                | bug marked fixed => close its issue (owner pixelmoth, repo lanternfall)     | owner=pixelmoth;repo=lanternfall
            owner,repo                | Email the repo owner when the frontend repo gets a new issue.               | repo=frontend
            owner,repo                | Open an issue in the lanternfall repo, then ping the owner directly.         | repo=lanternfall
            owner,repo                | Every day at 9am Europe/Berlin time, save orders to a spreadsheet/doc.      |
            spreadsheetId,sheetName   | Append new leads to the 'Leads' sheet.                                      | sheetName=Leads
            spreadsheetId             | Append new leads to the 'Leads' sheet.                                      | spreadsheetId=Leads
            spreadsheetId,sheetName   | Add each order to a sheet called Orders.                                    | sheetName=Orders
            spreadsheetId,sheet       | Add rows to https://docs.google.com/spreadsheets/d/1AbC-xyz_09/edit in the Signups tab. | spreadsheetId=1AbC-xyz_09;sheet=Signups
            spreadsheetId             | Sync new records from this app into a Google Sheets spreadsheet.            |
            title                     | Create a Notion page titled "Weekly standup" every Monday.                  | title=Weekly standup
            title                     | Create a Google Slides deck of upcoming events whenever I press the 'Make deck' button. |
            subject                   | Email me the open tickets with the subject 'Morning queue'.                 | subject=Morning queue
            title,folder              | Upload a file called "orders.csv" to the 'Backups' folder in Box.          | title=orders.csv;folder=Backups
            list                      | Create a ClickUp task in the 'Support' list for every new ticket.           | list=Support
            list                      | Copy my to-do list to ClickUp.                                              |
            project                   | Add a Wrike task to the Website Redesign project for each new event.        | project=Website Redesign
            table,dataset             | Insert each new order into the BigQuery table sales.orders.                 | dataset=sales;table=orders
            table                     | Insert each new order into sales.orders in BigQuery.                        | table=sales.orders
            table                     | Insert each new order into our BigQuery orders table.                       | table=orders
            dataset,table             | Email the report.csv to me every week.                                      |
            range,values              | Append every deploy to the sheet, range Deploys!A:F.                        | range=Deploys!A:F
            channel,timestamp,name    | React with the eyes emoji on the alert message.                             | name=eyes
            channel,timestamp,name    | Add a :white_check_mark: reaction to the alert.                             | name=white_check_mark
            name                      | Create a channel named after the eyes emoji.                                |
            statusText,statusEmoji    | Set my Slack status to 'In a meeting' with :calendar: as the emoji.         | statusEmoji=:calendar:;statusText=In a meeting
            statusText                | Change my status to Teaching when I press the button.                       | statusText=Teaching
            query                     | Search Slack's messages for 'outage' every morning.                         | query=outage
            """)
    void extract_requestWording_givesDeclaredInputs(String names, String text, String expected) {
        Set<String> inputNames = Set.of(names.split(","));

        assertEquals(expected(expected), InputExtractor.extract(text, inputNames));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Create a company-only shared link to the report in Box.      | access=company
            Share it so that only collaborators can open it.             | access=collaborators
            Open the file in Box and make a link for me.                 |
            """)
    void choices_valueNamedInRequest_isChosen(String text, String expected) throws Exception {
        var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"properties\":{\"fileId\":{\"type\":\"string\"},\"access\":{\"enum\":[\"open\",\"company\",\"collaborators\"]}}}");

        assertEquals(expected(expected), InputExtractor.choices(text, schema));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Write a thank-you email to the donor for each donation. | Donation | donor_name,donor_email:email | {record.donor_email}
            Email members a confirmation when they book a class.    | Booking  | member_email:email           | {record.member_email}
            When someone joins, send them a welcome email.          | Member   | name,email:email             | {record.email}
            Email the new client a welcome pack.                    | Client   | contact_email:email          | {record.contact_email}
            Email the student's guardian when a grade is posted.    | Student  | email:email,guardian_email:email | {record.guardian_email}
            Email me when a new donation comes in.                  | Donation | donor_email:email            |
            Send the team a summary of each new booking.            | Booking  | member_email:email           |
            """)
    void recordRecipient_personTheRecordHolds_isTheirAddressField(String text, String entity, String fields,
            String expected) {
        List<EntityInfo.Field> declared = Arrays.stream(fields.split(",")).map(f -> f.split(":"))
                .map(f -> new EntityInfo.Field(f[0], f.length > 1 ? f[1] : "string")).toList();

        assertEquals(Optional.ofNullable(expected),
                InputExtractor.recordRecipient(text, new EntityInfo(entity, declared)));
    }

    private static Map<String, String> expected(String spec) {
        Map<String, String> expected = new TreeMap<>();
        if (spec != null) {
            Arrays.stream(spec.split(";")).map(kv -> kv.split("=", 2)).forEach(kv -> expected.put(kv[0], kv[1]));
        }
        return expected;
    }
}
