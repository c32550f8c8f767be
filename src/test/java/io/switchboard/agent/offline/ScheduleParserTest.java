package io.switchboard.agent.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Send me a daily email with my to-do list using Gmail.                  | Europe/Paris        | 0 0 8 * * ?         | Europe/Paris
            Tuesday 7am: a Google Analytics report of last week's visits.         | America/Denver      | 0 0 7 ? * TUE       | America/Denver
            tues + thurs 9am, post the open workshop seats in Slack.              | America/New_York    | 0 0 9 ? * TUE,THU   | America/New_York
            Get the list of our TikTok videos every day.                           | Asia/Tokyo          | 0 0 8 * * ?         | Asia/Tokyo
            Each day, copy the open tickets to a sheet.                            | Europe/Paris        | 0 0 8 * * ?         | Europe/Paris
            Send my to-do list every morning from my Outlook account.              | Europe/Paris        | 0 0 8 * * ?         | Europe/Paris
            Every evening, post a recap of today's bookings.                       | Europe/Paris        | 0 0 18 * * ?        | Europe/Paris
            Every night, upload a CSV export of the day's orders to Google Drive.  | Asia/Tokyo          | 0 0 22 * * ?        | Asia/Tokyo
            Nightly backup of all donations to Box.                                | Europe/Paris        | 0 0 22 * * ?        | Europe/Paris
            Every afternoon, post the standup notes.                               | Europe/Paris        | 0 0 14 * * ?        | Europe/Paris
            Post the lunch menu at noon every day.                                 | Europe/Paris        | 0 0 12 * * ?        | Europe/Paris
            At midnight, export the tickets.                                       | Europe/Paris        | 0 0 0 * * ?         | Europe/Paris
            Every day at 9.30 send me the overdue invoices.                        | Europe/Paris        | 0 30 9 * * ?        | Europe/Paris
            Every evening at 7 send the digest.                                    | Europe/Paris        | 0 0 19 * * ?        | Europe/Paris
            Every morning at 6:30, list new job applications.                      | Europe/Paris        | 0 30 6 * * ?        | Europe/Paris
            Every day at 6:45 email me the animals still in care.                 | Europe/Paris        | 0 45 6 * * ?        | Europe/Paris
            Every day at 5 email me the animals still in care.                    | Europe/Paris        | 0 0 17 * * ?        | Europe/Paris
            Every day at 4:30 post the standup notes.                              | Europe/Paris        | 0 30 16 * * ?       | Europe/Paris
            Every evening at 6:30 post the day's visits.                           | Europe/Paris        | 0 30 18 * * ?       | Europe/Paris
            Email me a summary of yesterday's donations each day at 7.             | Europe/Paris        | 0 0 7 * * ?         | Europe/Paris
            Twice a day, sync the inventory.                                       | Europe/Paris        | 0 0 8,18 * * ?      | Europe/Paris
            At 9am and 5pm every day, post open tickets.                           | Europe/Paris        | 0 0 9,17 * * ?      | Europe/Paris
            Every other day at 7am, email the menu.                                | Europe/Paris        | 0 0 7 1/2 * ?       | Europe/Paris
            Every Monday at 9am, email me my open todos with Gmail.                | Europe/Paris        | 0 0 9 ? * MON       | Europe/Paris
            Every Monday, pull a Google Analytics traffic report.                  | Asia/Tokyo          | 0 0 8 ? * MON       | Asia/Tokyo
            Every weekday at 17:00, post my unfinished todos to Slack.             | Europe/Paris        | 0 0 17 ? * MON-FRI  | Europe/Paris
            On weekdays at 5pm, send the shipments to the warehouse sheet.         | Europe/Paris        | 0 0 17 ? * MON-FRI  | Europe/Paris
            Monday to Friday at 8:15am, send a summary.                            | Europe/Paris        | 0 15 8 ? * MON-FRI  | Europe/Paris
            Each weekday morning at 7:45, list the appointments.                   | Europe/Paris        | 0 45 7 ? * MON-FRI  | Europe/Paris
            Every business day at 9, post the open tasks.                          | Europe/Paris        | 0 0 9 ? * MON-FRI   | Europe/Paris
            Every weekend, send the week recap.                                    | Europe/Paris        | 0 0 8 ? * SAT,SUN   | Europe/Paris
            Mondays and Thursdays at 10, email the deals.                          | Europe/Paris        | 0 0 10 ? * MON,THU  | Europe/Paris
            Every Monday and Thursday, post the pipeline.                          | Europe/Paris        | 0 0 8 ? * MON,THU   | Europe/Paris
            On Fridays at 3pm, share the wins.                                     | Europe/Paris        | 0 0 15 ? * FRI      | Europe/Paris
            every fri at 4pm post next week's stops                                | Europe/Paris        | 0 0 16 ? * FRI      | Europe/Paris
            sat 10am and on sun, post the brunch menu                              | Europe/Paris        | 0 0 10 ? * SAT,SUN  | Europe/Paris
            every tues and thurs at 9 send the summary                             | Europe/Paris        | 0 0 9 ? * TUE,THU   | Europe/Paris
            Every Friday at 4:30pm, create a Google Doc listing this week's registrations. | Europe/London | 0 30 16 ? * FRI | Europe/London
            Back up all tickets to Box every Sunday night.                         | America/New_York    | 0 0 22 ? * SUN      | America/New_York
            Sunday nights, archive the finished chores.                            | Europe/Paris        | 0 0 22 ? * SUN      | Europe/Paris
            Order me a pizza every Friday at noon.                                 | Asia/Tokyo          | 0 0 12 ? * FRI      | Asia/Tokyo
            Every Tuesday and Friday morning, send the menu.                       | Europe/Paris        | 0 0 8 ? * TUE,FRI   | Europe/Paris
            Tuesdays through Thursdays at noon, post the specials.                 | Europe/Paris        | 0 0 12 ? * TUE-THU  | Europe/Paris
            Every day except Sunday at 8, post the rota.                           | Europe/Paris        | 0 0 8 ? * MON-SAT   | Europe/Paris
            Weekly digest of my todos, please.                                     | Europe/Paris        | 0 0 8 ? * MON       | Europe/Paris
            Every week, send a recap of new members.                               | Europe/Paris        | 0 0 8 ? * MON       | Europe/Paris
            Once a week on Wednesday, export the survey responses.                 | Europe/Paris        | 0 0 8 ? * WED       | Europe/Paris
            Twice a week, post the deals.                                          | Europe/Paris        | 0 0 8 ? * MON,THU   | Europe/Paris
            At the end of each week, summarise the timesheets.                     | Europe/Paris        | 0 0 17 ? * FRI      | Europe/Paris
            Monthly report of all orders to Drive.                                 | Europe/Paris        | 0 0 8 1 * ?         | Europe/Paris
            On the first day of every month, run a Google Analytics report.        | America/Los_Angeles | 0 0 8 1 * ?         | America/Los_Angeles
            Every 1st of the month, email the invoices.                            | Europe/Paris        | 0 0 8 1 * ?         | Europe/Paris
            On the 15th of each month at noon London time, upload a report.        | America/New_York    | 0 0 12 15 * ?       | Europe/London
            Every month on the 15th at 9am, send the payroll sheet.                | Europe/Paris        | 0 0 9 15 * ?        | Europe/Paris
            On the last day of the month at 5pm, send the invoices.                | Europe/Paris        | 0 0 17 L * ?        | Europe/Paris
            At the end of every month, archive the closed deals.                   | Europe/Paris        | 0 0 8 L * ?         | Europe/Paris
            On the 1st and 15th of every month, pay the contractors.               | Europe/Paris        | 0 0 8 1,15 * ?      | Europe/Paris
            On the first business day of the month, send the budget.               | Europe/Paris        | 0 0 8 1W * ?        | Europe/Paris
            On the last Friday of every month, send the newsletter.                | Europe/Paris        | 0 0 8 ? * 6L        | Europe/Paris
            On the first Monday of every month at 10am, plan the sprint.           | Europe/Paris        | 0 0 10 ? * 2#1      | Europe/Paris
            Quarterly, export the expenses to BigQuery.                            | Europe/Paris        | 0 0 8 1 1/3 ?       | Europe/Paris
            Every year on March 3rd at noon, send the renewal reminders.           | Europe/Paris        | 0 0 12 3 3 ?        | Europe/Paris
            Every 15 minutes, have the Slack bot post a summary of open tickets.   | America/New_York    | 0 0/15 * * * ?      | America/New_York
            Every 30 minutes, append new leads to a Google Sheet.                  | Europe/Paris        | 0 0/30 * * * ?      | Europe/Paris
            Every five minutes check the queue.                                    | Europe/Paris        | 0 0/5 * * * ?       | Europe/Paris
            Every half hour, post new orders.                                      | Europe/Paris        | 0 0/30 * * * ?      | Europe/Paris
            Every minute, ping the status page.                                    | Europe/Paris        | 0 * * * * ?         | Europe/Paris
            Every 10 minutes during business hours, check for new leads.           | Europe/Paris        | 0 0/10 9-16 * * ?   | Europe/Paris
            Run our sales query in BigQuery every hour.                            | Asia/Tokyo          | 0 0 * * * ?         | Asia/Tokyo
            Hourly sync of tickets to the sheet.                                   | Europe/Paris        | 0 0 * * * ?         | Europe/Paris
            Once a quarter, on the first day of the quarter, upload the orders.    | Europe/Paris        | 0 0 8 1 1/3 ?       | Europe/Paris
            Every night at 1 o'clock, copy the bookings to BigQuery.               | Europe/Paris        | 0 0 1 * * ?         | Europe/Paris
            Every night at 10, back up the orders.                                 | Europe/Paris        | 0 0 22 * * ?        | Europe/Paris
            Every hour on the half hour, add the latest bookings to the sheet.     | Europe/Paris        | 0 30 * * * ?        | Europe/Paris
            Every second day at 6pm, post the specials.                            | Europe/Paris        | 0 0 18 1/2 * ?      | Europe/Paris
            Every hour on weekdays, refresh the dashboard.                         | Europe/Paris        | 0 0 * ? * MON-FRI   | Europe/Paris
            Every 2 hours, back up the bookings.                                   | Europe/Paris        | 0 0 0/2 * * ?       | Europe/Paris
            Every couple of hours, refresh the stock levels.                       | Europe/Paris        | 0 0 0/2 * * ?       | Europe/Paris
            Every 90 minutes, sync the calendar.                                   | Europe/Paris        | 0 0 0/2 * * ?       | Europe/Paris
            Every 3 hours on weekends, check the reviews.                          | Europe/Paris        | 0 0 0/3 ? * SAT,SUN | Europe/Paris
            Email me my todos every day at 8am New York time using Gmail.          | Europe/Paris        | 0 0 8 * * ?         | America/New_York
            Every day at 9am Berlin time, post the deals.                          | Europe/Paris        | 0 0 9 * * ?         | Europe/Berlin
            Every day at 9am in London time, post the deals.                       | Asia/Tokyo          | 0 0 9 * * ?         | Europe/London
            Daily at 9 Tokyo time, post the orders.                                | Europe/Paris        | 0 0 9 * * ?         | Asia/Tokyo
            Every morning at 8 in Sydney, send the roster.                         | Europe/Paris        | 0 0 8 * * ?         | Australia/Sydney
            Every day at 8am PST, send the leads.                                  | Europe/Paris        | 0 0 8 * * ?         | America/Los_Angeles
            Weekdays at 9am ET, post the tickets.                                  | Europe/Paris        | 0 0 9 ? * MON-FRI   | America/New_York
            Every morning at 7 EST, send the digest.                               | Europe/Paris        | 0 0 7 * * ?         | America/New_York
            Every day at 9:00 AM Eastern, post the shipments.                      | Europe/Paris        | 0 0 9 * * ?         | America/New_York
            Every day at 9am CET, send the menu.                                   | America/New_York    | 0 0 9 * * ?         | Europe/Paris
            Every day at 9am CET, send the menu.                                   | Europe/Berlin       | 0 0 9 * * ?         | Europe/Berlin
            Every day at 9 UTC, export the events.                                 | Europe/Paris        | 0 0 9 * * ?         | UTC
            Daily at 9 GMT, export the events.                                     | Europe/Paris        | 0 0 9 * * ?         | GMT
            Every day at 8 am UTC+2, export the events.                            | Europe/Paris        | 0 0 8 * * ?         | Etc/GMT-2
            Every day at 10am, timezone Asia/Singapore.                            | Europe/Paris        | 0 0 10 * * ?        | Asia/Singapore
            Send reports weekly on Thursday at 16:00 Berlin time.                  | America/New_York    | 0 0 16 ? * THU      | Europe/Berlin
            Every day at 9am, email the team in our Paris office.                  | America/New_York    | 0 0 9 * * ?         | America/New_York
            Every Monday at 9am, post new events. We are a small group in London.  | Asia/Tokyo          | 0 0 9 ? * MON       | Asia/Tokyo
            Every day at 18h30, send the report.                                   | Europe/Paris        | 0 30 18 * * ?       | Europe/Paris
            Every 4 hours starting at 8am, sync the stock.                         | Europe/Paris        | 0 0 8/4 * * ?       | Europe/Paris
            Every Wednesday at half past 2, send the report.                       | Europe/Paris        | 0 30 14 ? * WED     | Europe/Paris
            At quarter past 9 every day, send my todos.                            | Europe/Paris        | 0 15 9 * * ?        | Europe/Paris
            Each night at 11:30 PM, back up the loans.                             | Europe/Paris        | 0 30 23 * * ?       | Europe/Paris
            Mon–Fri at 6.30am email the technicians their jobs.                    | America/Phoenix     | 0 30 6 ? * MON-FRI  | America/Phoenix
            Every day at 7.45pm send the recap.                                    | Europe/Paris        | 0 45 19 * * ?       | Europe/Paris
            Every hour at half past, pull the realtime visitors.                   | Asia/Dubai          | 0 30 * * * ?        | Asia/Dubai
            Every two hours at quarter past, sync the orders.                      | Europe/Paris        | 0 15 0/2 * * ?      | Europe/Paris
            Every school day at 7:45, have the Slack bot post today's absences.    | Asia/Kolkata        | 0 45 7 ? * MON-FRI  | Asia/Kolkata
            At 6pm, post tomorrow's appointments to Slack.                         | Europe/Paris        | 0 0 18 * * ?        | Europe/Paris
            """)
    void parse_scheduleWording_givesQuartzCronAndZone(String text, String appZone, String cron, String zone) {
        Optional<Schedule> schedule = ScheduleParser.parse(text, ZoneId.of(appZone));

        assertEquals(Optional.of(new Schedule(cron, zone)), schedule);
        assertTrue(org.quartz.CronExpression.isValidExpression(cron), cron);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Post a message to the Slack #support channel when a new ticket is created.
            Create a HubSpot contact for every new customer.
            Create a Google Doc with the details of each new event.
            Draft a follow-up email in Gmail for every new lead.
            Every time someone registers, add their registration as a new row.
            Each time a deal is won, post to #sales.
            As soon as an order arrives, notify me.
            Whenever a ticket is closed, email the customer.
            Send every record to the sheet.
            Add each order to BigQuery.
            Escalate tickets not answered within 2 business days.
            Remind me tomorrow at 9am to call the venue.
            Save orders to a spreadsheet or a doc.
            Fetch my TikTok video list when I click the Refresh button.
            Copy each new todo to ClickUp, one per day is enough.
            Hi! I run a small meetup group in London. Last month almost two hundred people signed up for the design systems night. Our next event is on a Thursday and every time someone registers, add a row to our Google Sheet.
            """)
    void parse_noScheduleAsked_isEmpty(String text) {
        assertEquals(Optional.empty(), ScheduleParser.parse(text, ZoneId.of("Europe/Paris")));
    }
}
