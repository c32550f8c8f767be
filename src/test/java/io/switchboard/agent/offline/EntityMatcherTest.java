package io.switchboard.agent.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityMatcherTest {

    private static final Map<String, List<EntityInfo>> APPS = Map.ofEntries(
            Map.entry("tasks", List.of(
                    entity("Todo", "title", "notes", "due", "done", "owner_email"))),
            Map.entry("helpdesk", List.of(
                    entity("Ticket", "subject", "description", "priority", "status", "requester_email"),
                    entity("Customer", "name", "email", "company"))),
            Map.entry("crm", List.of(
                    entity("Lead", "name", "email", "company", "status", "source"),
                    entity("Deal", "title", "amount", "stage", "close_date"),
                    entity("Company", "name", "domain"))),
            Map.entry("events", List.of(
                    entity("Event", "title", "starts_at", "ends_at", "location"),
                    entity("Registration", "attendee_name", "attendee_email", "event_title"))),
            Map.entry("shop", List.of(
                    entity("Order", "number", "customer_email", "total", "status"),
                    entity("Product", "name", "price", "stock"),
                    entity("Review", "product", "rating", "text"))),
            Map.entry("inventory", List.of(
                    entity("LineItem", "sku", "qty"), entity("Category", "name"), entity("Address", "street"),
                    entity("Person", "name"))),
            Map.entry("hr", List.of(
                    entity("Employee", "name"), entity("LeaveRequest", "days"), entity("Project", "name"))),
            Map.entry("school", List.of(
                    entity("Student", "name"), entity("Course", "title"), entity("Enrollment", "student", "course"))),
            Map.entry("supply", List.of(
                    entity("StockItem", "sku", "qty"), entity("Supplier", "name"),
                    entity("PurchaseOrder", "number", "status"))),
            Map.entry("recipes", List.of(
                    entity("Recipe", "title", "cuisine"), entity("Ingredient", "name", "unit"))),
            Map.entry("realestate", List.of(
                    entity("Property", "address", "price", "status"), entity("Inquiry", "name", "email", "message"))),
            Map.entry("library", List.of(
                    entity("Book", "title", "author"), entity("Loan", "book_title", "patron_email", "due_date"),
                    entity("Patron", "name", "email"))),
            Map.entry("vet", List.of(
                    entity("Pet", "name", "owner_email"), entity("Appointment", "pet_name", "starts_at"),
                    entity("Vaccination", "pet_name", "vaccine", "due_date"))),
            Map.entry("fieldservice", List.of(
                    entity("WorkOrder", "summary", "status"), entity("Technician", "name", "email"),
                    entity("Part", "name", "quantity", "reorder_level"))),
            Map.entry("hotel", List.of(
                    entity("Stay", "guest_name", "check_in"), entity("HousekeepingTask", "room_number", "done"))),
            Map.entry("legal", List.of(
                    entity("Matter", "title", "status"), entity("Client", "name", "email"),
                    entity("Deadline", "due_at"))),
            Map.entry("vegbox", List.of(
                    entity("Subscriber", "name", "email", "box_size", "delivery_day"),
                    entity("Delivery", "subscriber_email", "delivery_date"))),
            Map.entry("tutoring", List.of(
                    entity("Tutor", "name", "email"), entity("Session", "tutor_email", "starts_at", "status"))),
            Map.entry("charity", List.of(
                    entity("Donor", "name", "email"), entity("Donation", "donor_email", "amount"))),
            Map.entry("nursery", List.of(
                    entity("Customer", "name", "email"), entity("Order", "customer_email", "status", "total"))),
            Map.entry("cowork", List.of(
                    entity("Desk", "label", "zone"), entity("Booking", "member_email", "desk_label", "status"))),
            Map.entry("dogwalks", List.of(
                    entity("Walk", "dog_name", "walker", "completed", "notes"), entity("Walker", "name", "email"))),
            Map.entry("gym", List.of(
                    entity("Member", "name", "plan"), entity("FitnessClass", "name"),
                    entity("Booking", "member_email", "status"))));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tasks     | Send me a daily email with my to-do list using Gmail.                         | Todo         |
            vegbox    | When a subscriber changes their delivery day, draft an email                  | Subscriber   |
            vegbox    | When a delivery is made, email the subscriber                                 | Delivery     |
            tutoring  | when a tutor finishes a session and marks it as completed, post it to Slack   | Session    |
            charity   | Send a thank-you email through Gmail to the donor as soon as each donation comes in. | Donation |
            nursery   | when the order status become delivered, create an event to call the customer | Order  |
            cowork    | when someone books a desk add them to HubSpot as a contact                    | Booking    |
            dogwalks  | when a walk is marked completed send the owner an email with the walker's notes | Walk       |
            tasks     | Sync new records from this app into a Google Sheets spreadsheet.              | Todo         |
            tasks     | Email me a list of my to do items every Friday.                               | Todo         |
            tasks     | Send my chores to Slack each morning.                                         | Todo         |
            tasks     | Create a ClickUp task for each new task.                                      | Todo         |
            tasks     | Copy my todos into ClickUp as I add them.                                     | Todo         |
            tasks     | Post a Slack message from my own account whenever I mark a todo as done.      | Todo         |
            tasks     | Whenever a tdoo is created, post to Slack.                                    | Todo         |
            tasks     | Export every record to a sheet.                                               | Todo         |
            tasks     | Send me a weekly Gmail digest of my invoices.                                 |              | invoices
            tasks     | Send me a summary of my expenses every Friday.                                |              | expenses
            tasks     | Post to Slack every time a new comment is added.                              |              | comment
            tasks     | Email me my todos and list all invoices.                                      | Todo         |
            helpdesk  | Post a message to the Slack #support channel when a new ticket is created.    | Ticket       |
            helpdesk  | Create a GitHub issue in acme/support-portal whenever a new ticket comes in.  | Ticket       |
            helpdesk  | Create a GitHub issue for every new case.                                     | Ticket       |
            helpdesk  | Post new support requests to Slack.                                           | Ticket       |
            helpdesk  | When a customer is added, create a matching account in Salesforce.            | Customer     |
            helpdesk  | Create a HubSpot contact for every new customer.                              | Customer     |
            helpdesk  | Create a HubSpot contact for each new client.                                 | Customer     |
            helpdesk  | When a ticket from a customer is closed, email the customer.                  | Ticket       |
            helpdesk  | Send customer support tickets to Slack.                                       | Ticket       |
            helpdesk  | Send new tikcets to Discord.                                                  | Ticket       |
            helpdesk  | Post every new custmer to Slack.                                              | Customer     |
            crm       | Create a Salesforce lead for each new lead added here.                        | Lead         |
            crm       | Add new prospects to Salesforce.                                              | Lead         |
            crm       | Post new opportunities to Slack.                                              | Deal         |
            crm       | Create a Wrike task whenever a deal's stage changes.                          | Deal         |
            crm       | Whenever a new lead comes in, create a deal in Salesforce.                    | Lead         |
            crm       | Create a HubSpot company for every new organization.                          | Company      |
            crm       | Post new invoices to Slack.                                                   |              | invoices
            crm       | Sync new records from this app into a Google Sheets spreadsheet.              |              |
            events    | Add new registrants as contacts in HubSpot.                                   | Registration |
            events    | Post new sign-ups to Slack.                                                   | Registration |
            events    | When someone signs up, send them a welcome email.                             | Registration |
            events    | Create a calendar event for each new registration.                            | Registration |
            events    | Add every new event to my Google Calendar.                                    | Event        |
            events    | Post new meetups to LinkedIn.                                                 | Event        |
            events    | Email me a list of regstrations every morning.                                | Registration |
            events    | Every Friday at 4:30pm, create a Google Doc listing this week's registrations. | Registration |
            shop      | Post new product reviews to Discord.                                          | Review       |
            shop      | Post on my LinkedIn whenever we add a new product.                            | Product      |
            shop      | Post new purchases to Slack.                                                  | Order        |
            shop      | Post every new rating to Discord.                                             | Review       |
            shop      | When someone buys something, post to Slack.                                   | Order        |
            shop      | Save orders to a spreadsheet or a doc.                                        | Order        |
            shop      | Post to Slack whenever a new subscription is created.                         |              | subscription
            shop      | Post all new customers to Slack.                                              |              | customers
            shop      | Order me a pizza every Friday at noon.                                        |              |
            shop      | Run our sales query in BigQuery every hour.                                   |              |
            shop      | Get the list of our TikTok videos every day.                                  |              |
            shop      | Every Monday, pull a Google Analytics traffic report for the storefront.      |              |
            inventory | Post new line items to Slack.                                                 | LineItem     |
            inventory | Add every new line_item to the sheet.                                         | LineItem     |
            inventory | Export all LineItems to BigQuery.                                             | LineItem     |
            inventory | Send new categories to Discord.                                               | Category     |
            inventory | Email me all addresses.                                                       | Address      |
            inventory | Post new people to Slack.                                                     | Person       |
            hr        | Post new staff members to Slack.                                              | Employee     |
            hr        | Post every new hire to Slack.                                                 | Employee     |
            hr        | When a new leave request is submitted, notify the manager.                    | LeaveRequest |
            hr        | Send new timesheets to Box.                                                   |              | timesheets
            school    | Email me when a student enrolls.                                              | Enrollment   |
            school    | Post new classes to Slack.                                                    | Course       |
            school    | Add each new pupil to HubSpot.                                                | Student      |
            supply    | Create a purchase order in Salesforce for each new PO.                        | PurchaseOrder |
            supply    | Sync new purchase orders to the 'POs' sheet.                                  | PurchaseOrder |
            recipes   | Post each new dish to our #kitchen channel.                                   | Recipe       |
            recipes   | Send me a shopping list of ingredients every Saturday.                        | Ingredient   |
            realestate | Add new leads to HubSpot.                                                    | Inquiry      |
            library   | Whenever a book is checked out, add a row to the Circulation sheet.            | Loan         |
            library   | Email the patrons with overdue loans every morning.                           | Loan         |
            vet       | Every morning, gmail the owners whose pets have a vaccination due this week.  | Vaccination  |
            vet       | Send the boarding schedule to the kennel staff every day.                     |              | boarding
            vet       | Email the owners a progress summary every Friday.                             |              |
            realestate | When a property is sold, announce it in Slack.                               | Property     |
            events    | Post to Slack when a new user signs up.                                       | Registration |
            gym       | Whenever someone books a class, add it to my Google Calendar.                 | Booking      |
            fieldservice | Every weekday at 7 email each technician the jobs for the day.        | WorkOrder    |
            fieldservice | Email each technician a reminder every morning.                       | Technician   |
            hotel     | Each morning, send today's housekeeping tasks to the team.                  | HousekeepingTask |
            hotel     | Every evening, post tomorrow's spa appointments to Slack.                   |              | spa appointments
            shop      | Email the supplier every Monday with the ingredients that are running low.  |              | ingredients
            shop      | Email me the products that are out of stock every Monday.                   | Product      |
            school    | Post each new session to Slack.                                             | Course       |
            legal     | Build a Google Slides deck of all our open cases when I press the button.   | Matter       |
            gym       | Email members a confirmation as soon as they book a class.                  | Booking      |
            gym       | Send me a monthly email listing all the unpaid membership invoices.         |              | membership invoices
            library   | Every time a new Fine record is created, email the patron the details.      |              | fine
            shop      | Email me a summary of the Gift Vouchers every Friday.                       |              | gift vouchers
            school    | new enrolment -> add a row to the sheet (student name, course, paid)        | Enrollment   |
            shop      | When a gift card is sold, email the buyer a thank-you note.                 |              | gift card
            """)
    void match_requestWording_findsEntityOrUnknownNoun(String app, String text, String entity, String unknown) {
        EntityMatch match = EntityMatcher.match(text, APPS.get(app));

        assertEquals(new EntityMatch(Optional.ofNullable(entity), Optional.ofNullable(unknown)), match);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            events | Hi! A bit of background first: I run a small meetup group in London and we've been using this app for about three months to manage our events. Mostly it's been great and the team loves the Register page, although the colours on the Events page look a bit off on mobile. Last month almost two hundred people signed up for the design systems night. Anyway, what I actually need right now: every time someone registers, add their registration as a new row in our Google Sheet so the door team can check people in. Our next event is on a Thursday. Thanks a lot in advance! | Registration
            """)
    void match_longRequest_prefersSubjectOfTheEvent(String app, String text, String entity) {
        assertEquals(Optional.of(entity), EntityMatcher.match(text, APPS.get(app)).entity());
    }

    private static EntityInfo entity(String name, String... fields) {
        return new EntityInfo(name, Arrays.stream(fields).map(f -> new EntityInfo.Field(f, "string")).toList());
    }
}
