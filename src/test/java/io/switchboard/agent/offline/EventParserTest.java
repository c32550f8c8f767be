package io.switchboard.agent.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventParserTest {

    private static final String TODO = "title:string;notes:text;due:date;done:boolean;owner_email:email";
    private static final String TICKET = "subject:string;description:text;priority:string;status:string;requester_email:email";
    private static final String DEAL = "title:string;amount:number;stage:string;close_date:date";
    private static final String LEAD = "name:string;email:email;company:string;status:string;source:string";
    private static final String ORDER = "number:string;customer_email:email;total:number;status:string";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Post a message to the Slack #support channel when a new ticket is created.    | CREATED
            We just moved the techs over to ClickUp, so every new repair job goes there   | CREATED
            Send a thank-you for every donation we received                               | CREATED
            urgent jobs need to land in ClickUp the moment they're logged                 | CREATED
            Email parents a reminder when their invoice is overdue.                       | UPDATED
            when an order's status flips to ready for pickup shout it in #counter         | UPDATED
            when a work order is marked resolved set the clickup task to complete         | UPDATED
            if anyone flags a sample as contaminated ping #lab-alerts                     | UPDATED
            when a customer orders a cake, email the baker                                | CREATED
            When an incident is reported, open a GitHub issue in forge-space/safety.      | CREATED
            Sync new records from this app into a Google Sheets spreadsheet.              | CREATED
            Draft a follow-up email in Gmail for every new lead.                          | CREATED
            Create a GitHub issue in acme/support-portal whenever a new ticket comes in.  | CREATED
            Copy my todos into ClickUp as I add them.                                     | CREATED
            Create a Salesforce lead for each new lead added here.                        | CREATED
            When a customer is added, create a matching account in Salesforce.            | CREATED
            Post on my LinkedIn whenever we add a new product.                            | CREATED
            Whenever a book is checked out, add a row to the Circulation sheet.           | CREATED
            When a patron borrows a book, email them a receipt.                           | CREATED
            Whenever an order is placed, add a row to the sheet.                          | CREATED
            Tell Slack when someone places an order.                                      | CREATED
            When a new lead signs up, add them to HubSpot.                                | CREATED
            Every time someone registers, add their registration as a new row.            | CREATED
            Text the manager when a leave request is submitted.                           | CREATED
            As soon as a new application arrives, post it to #hiring.                     | CREATED
            Every night, export new orders to Drive.                                      | CREATED
            Post a Slack message from my own account whenever I mark a todo as done.      | UPDATED
            Create a Wrike task whenever a deal's stage changes.                          | UPDATED
            Let me know whenever a deal is won.                                           | UPDATED
            Email me when a ticket is closed.                                             | UPDATED
            When a deal moves to negotiation, create a task.                              | UPDATED
            Every time a lead is qualified, post it to Slack.                             | UPDATED
            When an order ships, email the customer.                                      | UPDATED
            Whenever a new ticket is resolved, post it to #wins.                          | UPDATED
            When I complete a chore, log it in the sheet.                                 | UPDATED
            Remind me in Slack when a booking is edited or rescheduled.                   | UPDATED
            Post an update when an expense is approved.                                   | UPDATED
            Notify me when an order is cancelled.                                         | DELETED
            When a todo is deleted, archive the Notion page.                              | DELETED
            When an order is removed from the shop, tell me.                              | DELETED
            Whenever someone cancels their booking, email the venue.                      | DELETED
            Whenever someone books a class, add it to my Google Calendar.                 | CREATED
            When a review is left on a product, share it.                                 | CREATED
            Create a lead in Salesforce when someone fills out the contact form.          | CREATED
            When a property is sold, announce it in Slack.                                | UPDATED
            Ping me for orders that get refunded.                                         | UPDATED
            When a new donation is recorded, add it to the sheet.                         | CREATED
            When a new order is tagged, post it to Slack.                                 | CREATED
            When a volunteer shift gets rescheduled, put the new slot on the calendar.    | UPDATED
            Whenever a new ticket gets escalated, page the on-call channel.               | UPDATED
            Once a customer accepts a quote, add them to HubSpot.                         | UPDATED
            If a part's quantity falls below its reorder level, make a ClickUp task.      | UPDATED
            When a lease expires, email the tenant.                                       | UPDATED
            When an episode goes live, announce it on Discord.                            | UPDATED
            Upload each new clip to TikTok as a draft so I can edit it before it goes live. | CREATED
            Back up all tickets to Box every Sunday night.                                |
            Every Monday at 9am, email me my open todos with Gmail.                       |
            Delete all my emails in Gmail.                                                |
            Create a Google Slides deck of upcoming events whenever I press the 'Make deck' button. |
            Fetch my TikTok video list when I click the Refresh button.                   |
            Run our sales query in BigQuery every hour.                                   |
            Open a report of the project budget.                                          |
            New enrollment -> add a row to the sheet (student, course, paid y/n)          | CREATED
            When a concert sells out, share a post on LinkedIn.                           | UPDATED
            Whenever a site inspection is scheduled, create a Wrike task.                 | CREATED
            Stream every stock item change into BigQuery.                                 | UPDATED
            When a subscriber payment is recorded, update their Salesforce account.       | CREATED
            """)
    void parse_requestWording_givesRecordEvent(String text, RecordEvent expected) {
        assertEquals(Optional.ofNullable(expected), EventParser.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Post a Slack message whenever I mark a todo as done.                     | TODO   | done      | true
            When I finish a task, post it to Slack.                                  | TODO   | done      | true
            Share my completed todos with the team every Friday.                     | TODO   | done      | true
            Every weekday at 17:00, post my unfinished todos to Slack.               | TODO   | done      | false
            Every Monday at 9am, email me my open todos.                             | TODO   | done      | false
            Have our Slack bot announce urgent tickets in #escalations.              | TICKET | priority  | urgent
            Email me every new high priority ticket.                                 | TICKET | priority  | high
            Post tickets with a priority of critical to #oncall.                     | TICKET | priority  | critical
            When a ticket's priority changes to urgent, page the on-call.            | TICKET | priority  | urgent
            Post closed tickets to Slack.                                            | TICKET | status    | closed
            Email the customer when their ticket is resolved.                        | TICKET | status    | resolved
            Send me a list of pending tickets every morning.                         | TICKET | status    | pending
            Let me know whenever a deal is won.                                      | DEAL   | stage     | won
            Share lost deals in #sales every Friday.                                 | DEAL   | stage     | lost
            When a deal moves to negotiation, create a task.                         | DEAL   | stage     | negotiation
            When a deal's stage changes to 'Closed Won', email me.                   | DEAL   | stage     | closed won
            Every time a lead is qualified, post it to Slack.                        | LEAD   | status    | qualified
            Add leads where the source is website to the sheet.                      | LEAD   | source    | website
            Notify me when an order is cancelled.                                    | ORDER  | status    | cancelled
            Upload orders with status shipped to Drive every Friday.                 | ORDER  | status    | shipped
            When the status of an order is updated to delivered, email me.           | ORDER  | status    | delivered
            When a deal enters the contract stage, email legal.                      | DEAL   | stage     | contract
            Post a message to the Slack #support channel when a new ticket is created. | TICKET |         |
            Open a GitHub issue whenever a new ticket is created.                    | TICKET |           |
            Draft a follow-up email for every new lead.                              | LEAD   |           |
            Create a task titled 'Call back' for each new lead.                      | LEAD   |           |
            Post new orders with a low total to Slack.                               | ORDER  |           |
            Create a Wrike task whenever a deal's stage changes.                     | DEAL   |           |
            """)
    void filter_conditionWording_givesFieldAndValue(String text, String entity, String field, String value) {
        Optional<FieldFilter> expected = field == null ? Optional.empty() : Optional.of(new FieldFilter(field, value));

        assertEquals(expected, EventParser.filter(text, fields(entity)));
    }

    private static List<EntityInfo.Field> fields(String entity) {
        String spec = switch (entity) {
            case "TODO" -> TODO;
            case "TICKET" -> TICKET;
            case "DEAL" -> DEAL;
            case "LEAD" -> LEAD;
            default -> ORDER;
        };
        return Arrays.stream(spec.split(";")).map(f -> f.split(":")).map(f -> new EntityInfo.Field(f[0], f[1])).toList();
    }
}
