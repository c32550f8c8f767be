package io.switchboard.actions;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.catalog.Catalog;
import io.switchboard.connections.AccessGrant;
import io.switchboard.testsupport.InjectProviderApis;
import io.switchboard.testsupport.ProviderApis;

/** Every contract action, sent to its provider's real path with the real body shape, checked request by request. */
@QuarkusTest
@WithTestResource(value = ProviderApis.class, scope = TestResourceScope.GLOBAL)
class ActionRequestsTest {
    @InjectProviderApis
    WireMockServer providers;
    @Inject
    ActionExecutor executor;
    @Inject
    Catalog catalog;

    @BeforeEach
    void reset() {
        providers.resetAll();
    }

    ActionResult call(String actionId, String token, Map<String, Object> inputs) {
        return call(actionId, token, inputs, Map.of());
    }

    ActionResult call(String actionId, String token, Map<String, Object> inputs, Map<String, String> extra) {
        return executor.execute(catalog.action(actionId).orElseThrow(), inputs,
                new AccessGrant("c-1", token, null, "ada@example.com", extra));
    }

    @Test
    void gmailSendEmail_postsRfc2822MessageAsBase64UrlRaw() throws Exception {
        providers.stubFor(post("/gmail/v1/users/me/messages/send").willReturn(okJson(
                "{\"id\":\"18f2c3a1b2d4e5f6\",\"threadId\":\"18f2c3a1b2d4e5f6\",\"labelIds\":[\"SENT\"]}")));

        ActionResult result = call("gmail.send_email", "ya29.gmail", Map.of("to", "ada@example.com",
                "subject", "Your to-do list", "body", "- Buy milk (due 2026-12-01)\n- Café order"));

        assertEquals("18f2c3a1b2d4e5f6", result.resultId());
        providers.verify(postRequestedFor(urlPathEqualTo("/gmail/v1/users/me/messages/send"))
                .withHeader("Authorization", equalTo("Bearer ya29.gmail"))
                .withHeader("Content-Type", equalTo("application/json")));
        assertEquals("To: ada@example.com\r\nSubject: Your to-do list\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "- Buy milk (due 2026-12-01)\r\n- Café order", rawMessage(only(), "raw"));
    }

    @Test
    void gmailCreateDraft_wrapsRawInMessage() throws Exception {
        providers.stubFor(post("/gmail/v1/users/me/drafts").willReturn(okJson("""
                {"id":"r-5328","message":{"id":"18f2c3a1b2d4e5f7","threadId":"18f2c3a1b2d4e5f7","labelIds":["DRAFT"]}}""")));

        ActionResult result = call("gmail.create_draft", "ya29.gmail",
                Map.of("to", "bob@example.com", "subject", "Réunion", "body", "Hello"));

        assertEquals("r-5328", result.resultId());
        providers.verify(postRequestedFor(urlPathEqualTo("/gmail/v1/users/me/drafts"))
                .withHeader("Authorization", equalTo("Bearer ya29.gmail")));
        assertThat(rawMessage(only(), "message.raw")).startsWith("To: bob@example.com\r\nSubject: =?UTF-8?B?"
                + Base64.getEncoder().encodeToString("Réunion".getBytes(StandardCharsets.UTF_8)) + "?=\r\n")
                .endsWith("\r\n\r\nHello");
    }

    @Test
    void driveUploadFile_sendsMultipartRelatedMetadataThenContent() {
        providers.stubFor(post(urlPathEqualTo("/upload/drive/v3/files")).willReturn(okJson("""
                {"kind":"drive#file","id":"1AbCdEfGh","name":"todos.csv",
                 "webViewLink":"https://drive.google.com/file/d/1AbCdEfGh/view?usp=drivesdk"}""")));

        ActionResult result = call("google_drive.upload_file", "ya29.drive",
                Map.of("name", "todos.csv", "content", "title,due\nBuy milk,2026-12-01\n", "mimeType", "text/csv"));

        assertEquals("1AbCdEfGh", result.resultId());
        assertEquals("https://drive.google.com/file/d/1AbCdEfGh/view?usp=drivesdk", result.resultLink());
        providers.verify(postRequestedFor(urlPathEqualTo("/upload/drive/v3/files"))
                .withQueryParam("uploadType", equalTo("multipart"))
                .withQueryParam("fields", equalTo("id,name,webViewLink"))
                .withHeader("Authorization", equalTo("Bearer ya29.drive"))
                .withHeader("Content-Type", matching("multipart/related; boundary=switchboard-.+"))
                .withRequestBody(containing("Content-Type: application/json; charset=UTF-8\r\n\r\n"
                        + "{\"name\":\"todos.csv\",\"mimeType\":\"text/csv\"}\r\n"))
                .withRequestBody(containing("Content-Type: text/csv\r\n\r\ntitle,due\nBuy milk,2026-12-01\n")));
    }

    @Test
    void docsCreateDocument_postsTitle() {
        providers.stubFor(post("/v1/documents").willReturn(okJson(
                "{\"documentId\":\"1xYzDoc\",\"title\":\"Weekly notes\",\"revisionId\":\"ALm37BV\"}")));

        assertEquals("1xYzDoc", call("google_docs.create_document", "ya29.docs", Map.of("title", "Weekly notes")).resultId());
        providers.verify(postRequestedFor(urlPathEqualTo("/v1/documents"))
                .withHeader("Authorization", equalTo("Bearer ya29.docs"))
                .withRequestBody(equalToJson("{\"title\":\"Weekly notes\"}")));
    }

    @Test
    void sheetsAppendRow_postsValuesToTheRange() {
        String path = "/v4/spreadsheets/1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms/values/Sheet1!A:C:append";
        providers.stubFor(post(urlPathEqualTo(path)).willReturn(okJson("""
                {"spreadsheetId":"1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms","tableRange":"Sheet1!A1:C3",
                 "updates":{"updatedRange":"Sheet1!A4:C4","updatedRows":1,"updatedColumns":3,"updatedCells":3}}""")));

        ActionResult result = call("google_sheets.append_row", "ya29.sheets", Map.of(
                "spreadsheetId", "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms", "range", "Sheet1!A:C",
                "values", List.of(List.of("Buy milk", "2026-12-01", "false"))));

        assertEquals("Sheet1!A4:C4", result.resultId());
        providers.verify(postRequestedFor(urlPathEqualTo(path))
                .withQueryParam("valueInputOption", equalTo("USER_ENTERED"))
                .withQueryParam("insertDataOption", equalTo("INSERT_ROWS"))
                .withHeader("Authorization", equalTo("Bearer ya29.sheets"))
                .withRequestBody(equalToJson("{\"values\":[[\"Buy milk\",\"2026-12-01\",\"false\"]]}")));
    }

    @Test
    void slidesCreatePresentation_postsTitle() {
        providers.stubFor(post("/v1/presentations").willReturn(okJson(
                "{\"presentationId\":\"1pResXyZ\",\"title\":\"Q3 review\",\"slides\":[{\"objectId\":\"p\"}]}")));

        assertEquals("1pResXyZ",
                call("google_slides.create_presentation", "ya29.slides", Map.of("title", "Q3 review")).resultId());
        providers.verify(postRequestedFor(urlPathEqualTo("/v1/presentations"))
                .withHeader("Authorization", equalTo("Bearer ya29.slides"))
                .withRequestBody(equalToJson("{\"title\":\"Q3 review\"}")));
    }

    @Test
    void calendarCreateEvent_postsEventAndLeavesOutUnsetFields() {
        providers.stubFor(post("/calendar/v3/calendars/primary/events").willReturn(okJson(
                "{\"kind\":\"calendar#event\",\"id\":\"7cbh8rpc10lrc0ckih9tafss99\",\"status\":\"confirmed\","
                        + "\"htmlLink\":\"https://www.google.com/calendar/event?eid=N2NiaDhycGMxMGxy\"}")));

        ActionResult result = call("google_calendar.create_event", "ya29.calendar", Map.of("summary", "Launch",
                "start", Map.of("dateTime", "2026-12-01T10:00:00+01:00", "timeZone", "Europe/Paris"),
                "end", Map.of("dateTime", "2026-12-01T11:00:00+01:00", "timeZone", "Europe/Paris"),
                "attendees", List.of(Map.of("email", "bob@example.com"))));

        assertEquals("7cbh8rpc10lrc0ckih9tafss99", result.resultId());
        assertEquals("https://www.google.com/calendar/event?eid=N2NiaDhycGMxMGxy", result.resultLink());
        providers.verify(postRequestedFor(urlPathEqualTo("/calendar/v3/calendars/primary/events"))
                .withHeader("Authorization", equalTo("Bearer ya29.calendar"))
                .withRequestBody(equalToJson("""
                        {"summary":"Launch",
                         "start":{"dateTime":"2026-12-01T10:00:00+01:00","timeZone":"Europe/Paris"},
                         "end":{"dateTime":"2026-12-01T11:00:00+01:00","timeZone":"Europe/Paris"},
                         "attendees":[{"email":"bob@example.com"}]}""")));
    }

    @Test
    void bigqueryInsertRows_postsInsertAll() {
        String path = "/bigquery/v2/projects/acme-data/datasets/app/tables/todos/insertAll";
        providers.stubFor(post(path).willReturn(okJson("{\"kind\":\"bigquery#tableDataInsertAllResponse\"}")));

        call("google_bigquery.insert_rows", "ya29.bq", Map.of("projectId", "acme-data", "datasetId", "app",
                "tableId", "todos", "rows", List.of(Map.of("insertId", "r1", "json", Map.of("title", "Buy milk")))));

        providers.verify(postRequestedFor(urlPathEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer ya29.bq"))
                .withRequestBody(equalToJson(
                        "{\"skipInvalidRows\":false,\"rows\":[{\"insertId\":\"r1\",\"json\":{\"title\":\"Buy milk\"}}]}")));
    }

    @Test
    void bigqueryRunQuery_postsStandardSql() {
        providers.stubFor(post("/bigquery/v2/projects/acme-data/queries").willReturn(okJson("""
                {"kind":"bigquery#queryResponse",
                 "jobReference":{"projectId":"acme-data","jobId":"job_Xa12","location":"EU"},
                 "totalRows":"1","rows":[{"f":[{"v":"42"}]}],"jobComplete":true}""")));

        ActionResult result = call("google_bigquery.run_query", "ya29.bq",
                Map.of("projectId", "acme-data", "query", "SELECT COUNT(*) FROM app.todos"));

        assertEquals("job_Xa12", result.resultId());
        providers.verify(postRequestedFor(urlPathEqualTo("/bigquery/v2/projects/acme-data/queries"))
                .withHeader("Authorization", equalTo("Bearer ya29.bq"))
                .withRequestBody(equalToJson("{\"query\":\"SELECT COUNT(*) FROM app.todos\",\"useLegacySql\":false}")));
    }

    @Test
    void analyticsRunReport_postsDateRangesAndMetrics() {
        providers.stubFor(post("/v1beta/properties/123456789:runReport").willReturn(okJson(
                "{\"metricHeaders\":[{\"name\":\"activeUsers\",\"type\":\"TYPE_INTEGER\"}],\"rows\":[{\"metricValues\":"
                        + "[{\"value\":\"1320\"}]}],\"rowCount\":1,\"kind\":\"analyticsData#runReport\"}")));

        call("google_analytics.run_report", "ya29.ga", Map.of("propertyId", "123456789", "startDate", "7daysAgo",
                "endDate", "today", "metrics", List.of(Map.of("name", "activeUsers"))));

        providers.verify(postRequestedFor(urlPathEqualTo("/v1beta/properties/123456789:runReport"))
                .withHeader("Authorization", equalTo("Bearer ya29.ga"))
                .withRequestBody(equalToJson("""
                        {"dateRanges":[{"startDate":"7daysAgo","endDate":"today"}],"metrics":[{"name":"activeUsers"}]}""")));
    }

    @Test
    void slackUserPostMessage_postsAsTheUser() {
        providers.stubFor(post("/api/chat.postMessage").willReturn(okJson("""
                {"ok":true,"channel":"C024BE91L","ts":"1503435956.000247","message":{"text":"Hi","type":"message"}}""")));

        assertEquals("1503435956.000247",
                call("slack_user.post_message", "xoxp-user", Map.of("channel", "support", "text", "Hi")).resultId());
        providers.verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withHeader("Authorization", equalTo("Bearer xoxp-user"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"channel\":\"support\",\"text\":\"Hi\"}")));
    }

    @Test
    void slackBotPostMessage_postsAsTheBot() {
        providers.stubFor(post("/api/chat.postMessage").willReturn(okJson(
                "{\"ok\":true,\"channel\":\"C024BE91L\",\"ts\":\"1503435956.000248\",\"message\":{\"text\":\"New Ticket\"}}")));

        assertEquals("1503435956.000248",
                call("slack_bot.post_message", "xoxb-bot", Map.of("channel", "C024BE91L", "text", "New Ticket")).resultId());
        providers.verify(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))
                .withHeader("Authorization", equalTo("Bearer xoxb-bot"))
                .withRequestBody(equalToJson("{\"channel\":\"C024BE91L\",\"text\":\"New Ticket\"}")));
    }

    @Test
    void slack_okFalseInA200_isAFailureWithSlacksReason() {
        providers.stubFor(post("/api/chat.postMessage").willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));

        ProviderException e = assertThrows(ProviderException.class,
                () -> call("slack_bot.post_message", "xoxb-bot", Map.of("channel", "nope", "text", "x")));
        assertThat(e.getMessage()).contains("channel_not_found");
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void discordPostMessage_usesTheBotToken() {
        providers.stubFor(post("/api/v10/channels/1100000000000000001/messages").willReturn(okJson(
                "{\"id\":\"1100000000000000999\",\"type\":0,\"channel_id\":\"1100000000000000001\",\"content\":\"Hi\"}")));

        assertEquals("1100000000000000999", call("discord.post_message", "discord-user-token",
                Map.of("channel", "1100000000000000001", "content", "Hi")).resultId());
        providers.verify(postRequestedFor(urlPathEqualTo("/api/v10/channels/1100000000000000001/messages"))
                .withHeader("Authorization", equalTo("Bot " + ProviderApis.DISCORD_BOT_TOKEN))
                .withRequestBody(equalToJson("{\"content\":\"Hi\"}")));
    }

    @Test
    void discordPostMessage_channelName_isLookedUpInTheServer() {
        providers.stubFor(get("/api/v10/guilds/9000/channels").willReturn(okJson(
                "[{\"id\":\"111\",\"type\":0,\"name\":\"general\"},{\"id\":\"222\",\"type\":5,\"name\":\"announcements\"}]")));
        providers.stubFor(post("/api/v10/channels/222/messages").willReturn(okJson("{\"id\":\"333\",\"channel_id\":\"222\"}")));

        assertEquals("333", call("discord.post_message", "discord-user-token",
                Map.of("channel", "#announcements", "content", "Launch day"), Map.of("guild_id", "9000")).resultId());
        providers.verify(getRequestedFor(urlPathEqualTo("/api/v10/guilds/9000/channels"))
                .withHeader("Authorization", equalTo("Bot " + ProviderApis.DISCORD_BOT_TOKEN)));
        providers.verify(postRequestedFor(urlPathEqualTo("/api/v10/channels/222/messages"))
                .withRequestBody(equalToJson("{\"content\":\"Launch day\"}")));
    }

    @Test
    void githubCreateIssue_postsWithApiVersionHeaders() {
        providers.stubFor(post("/repos/acme/support-portal/issues").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(
                        "{\"id\":1,\"number\":42,\"state\":\"open\",\"title\":\"Printer on fire\","
                                + "\"html_url\":\"https://github.com/acme/support-portal/issues/42\"}")));

        ActionResult result = call("github.create_issue", "gho_token", Map.of("owner", "acme", "repo", "support-portal",
                "title", "Printer on fire", "body", "Priority: high"));

        assertEquals("42", result.resultId());
        assertEquals("https://github.com/acme/support-portal/issues/42", result.resultLink());
        providers.verify(postRequestedFor(urlPathEqualTo("/repos/acme/support-portal/issues"))
                .withHeader("Authorization", equalTo("Bearer gho_token"))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withRequestBody(equalToJson("{\"title\":\"Printer on fire\",\"body\":\"Priority: high\"}")));
    }

    @Test
    void github_422_failsAtOnceWithGithubsMessage() {
        providers.stubFor(post("/repos/acme/support-portal/issues").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Validation Failed\","
                        + "\"errors\":[{\"resource\":\"Issue\",\"code\":\"missing_field\",\"field\":\"title\"}]}")));

        ProviderException e = assertThrows(ProviderException.class, () -> call("github.create_issue", "gho_token",
                Map.of("owner", "acme", "repo", "support-portal", "title", "x")));
        assertEquals("GitHub answered HTTP 422: Validation Failed", e.getMessage());
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void notionCreatePage_postsTitleAndParagraph() {
        providers.stubFor(post("/v1/pages").willReturn(okJson("""
                {"object":"page","id":"59833787-2cf9-4fdf-8782-e53db20768a5",
                 "url":"https://www.notion.so/Weekly-notes-598337872cf94fdf8782e53db20768a5"}""")));

        ActionResult result = call("notion.create_page", "secret_notion", Map.of("parentPageId",
                "b55c9c91-384d-452b-81db-d1ef79372b75", "title", "Weekly notes", "content", "Two tickets closed."));

        assertEquals("59833787-2cf9-4fdf-8782-e53db20768a5", result.resultId());
        assertEquals("https://www.notion.so/Weekly-notes-598337872cf94fdf8782e53db20768a5", result.resultLink());
        providers.verify(postRequestedFor(urlPathEqualTo("/v1/pages"))
                .withHeader("Authorization", equalTo("Bearer secret_notion"))
                .withHeader("Notion-Version", equalTo("2025-09-03"))
                .withRequestBody(equalToJson("""
                        {"parent":{"page_id":"b55c9c91-384d-452b-81db-d1ef79372b75"},
                         "properties":{"title":{"title":[{"text":{"content":"Weekly notes"}}]}},
                         "children":[{"object":"block","type":"paragraph","paragraph":
                                      {"rich_text":[{"type":"text","text":{"content":"Two tickets closed."}}]}}]}""")));
    }

    @Test
    void clickupCreateTask_postsToTheList() {
        providers.stubFor(post("/api/v2/list/901234/task").willReturn(okJson(
                "{\"id\":\"86a1b2c3\",\"name\":\"Call Acme\",\"url\":\"https://app.clickup.com/t/86a1b2c3\"}")));

        ActionResult result = call("clickup.create_task", "pk_clickup",
                Map.of("listId", "901234", "name", "Call Acme", "description", "About the renewal"));

        assertEquals("86a1b2c3", result.resultId());
        assertEquals("https://app.clickup.com/t/86a1b2c3", result.resultLink());
        providers.verify(postRequestedFor(urlPathEqualTo("/api/v2/list/901234/task"))
                .withHeader("Authorization", equalTo("Bearer pk_clickup"))
                .withRequestBody(equalToJson("{\"name\":\"Call Acme\",\"description\":\"About the renewal\"}")));
    }

    @Test
    void wrikeCreateTask_postsFormFields() {
        providers.stubFor(post("/api/v4/folders/IEAAAAAQI4AB5BGU/tasks").willReturn(okJson(
                "{\"kind\":\"tasks\",\"data\":[{\"id\":\"IEAAAAAQKQAB5BGV\",\"title\":\"Call Acme\","
                        + "\"permalink\":\"https://www.wrike.com/open.htm?id=1234567\"}]}")));

        ActionResult result = call("wrike.create_task", "wrike-token",
                Map.of("folderId", "IEAAAAAQI4AB5BGU", "title", "Call Acme", "description", "Renewal & pricing"),
                Map.of("host", "app-eu.wrike.com"));

        assertEquals("IEAAAAAQKQAB5BGV", result.resultId());
        assertEquals("https://www.wrike.com/open.htm?id=1234567", result.resultLink());
        providers.verify(postRequestedFor(urlPathEqualTo("/api/v4/folders/IEAAAAAQI4AB5BGU/tasks"))
                .withHeader("Authorization", equalTo("Bearer wrike-token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("title=Call%20Acme&description=Renewal%20%26%20pricing")));
    }

    @Test
    void boxUploadFile_sendsAttributesThenFileToTheUploadHost() {
        providers.stubFor(post("/api/2.0/files/content").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"total_count\":1,\"entries\":[{\"type\":\"file\","
                        + "\"id\":\"12345\",\"name\":\"todos.csv\",\"parent\":{\"type\":\"folder\",\"id\":\"0\"}}]}")));

        ActionResult result = call("box.upload_file", "box-token",
                Map.of("name", "todos.csv", "content", "title\nBuy milk\n", "folderId", "0"));

        assertEquals("12345", result.resultId());
        providers.verify(postRequestedFor(urlPathEqualTo("/api/2.0/files/content"))
                .withHeader("Authorization", equalTo("Bearer box-token"))
                .withHeader("Content-Type", matching("multipart/form-data; boundary=.+"))
                .withAnyRequestBodyPart(aMultipart().withName("attributes")
                        .withBody(equalToJson("{\"name\":\"todos.csv\",\"parent\":{\"id\":\"0\"}}")))
                .withRequestBody(containing("Content-Disposition: form-data; name=\"file\"; filename=\"todos.csv\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\ntitle\nBuy milk\n")));
        String body = only().getBodyAsString();
        assertThat(body.indexOf("name=\"attributes\"")).isLessThan(body.indexOf("name=\"file\""));
    }

    @Test
    void salesforceCreateRecord_goesToTheOrgsInstanceUrl() {
        providers.stubFor(post("/services/data/v62.0/sobjects/Lead").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"00Q5g00000AbCdEFGH\",\"success\":true,\"errors\":[]}")));

        ActionResult result = call("salesforce.create_record", "00D!sf-token",
                Map.of("sobject", "Lead", "fields", Map.of("LastName", "Doe", "Company", "Acme")),
                Map.of("instance_url", providers.baseUrl()));

        assertEquals("00Q5g00000AbCdEFGH", result.resultId());
        providers.verify(postRequestedFor(urlPathEqualTo("/services/data/v62.0/sobjects/Lead"))
                .withHeader("Authorization", equalTo("Bearer 00D!sf-token"))
                .withRequestBody(equalToJson("{\"LastName\":\"Doe\",\"Company\":\"Acme\"}")));
    }

    @Test
    void hubspotCreateContact_postsProperties() {
        providers.stubFor(post("/crm/v3/objects/contacts").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"512\",\"properties\":{\"email\":"
                        + "\"ada@example.com\",\"firstname\":\"Ada\"},\"archived\":false}")));

        assertEquals("512", call("hubspot.create_contact", "hs-token",
                Map.of("properties", Map.of("email", "ada@example.com", "firstname", "Ada"))).resultId());
        providers.verify(postRequestedFor(urlPathEqualTo("/crm/v3/objects/contacts"))
                .withHeader("Authorization", equalTo("Bearer hs-token"))
                .withRequestBody(equalToJson("{\"properties\":{\"email\":\"ada@example.com\",\"firstname\":\"Ada\"}}")));
    }

    @Test
    void linkedinSharePost_fillsAuthorFromTheMemberAndReadsTheUrnHeader() {
        providers.stubFor(post("/rest/posts").willReturn(aResponse().withStatus(201)
                .withHeader("x-restli-id", "urn:li:share:6844785523593134080")));

        ActionResult result = call("linkedin.share_post", "li-token", Map.of("text", "We shipped!"),
                Map.of("sub", "782bbtaQ"));

        assertEquals("urn:li:share:6844785523593134080", result.resultId());
        providers.verify(postRequestedFor(urlPathEqualTo("/rest/posts"))
                .withHeader("Authorization", equalTo("Bearer li-token"))
                .withHeader("LinkedIn-Version", equalTo("202607"))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                .withRequestBody(equalToJson("""
                        {"author":"urn:li:person:782bbtaQ","commentary":"We shipped!","visibility":"PUBLIC",
                         "distribution":{"feedDistribution":"MAIN_FEED","targetEntities":[],
                                         "thirdPartyDistributionChannels":[]},
                         "lifecycleState":"PUBLISHED","isReshareDisabledByAuthor":false}""")));
    }

    @Test
    void tiktokListVideos_postsWithFieldsQuery() {
        providers.stubFor(post(urlPathEqualTo("/v2/video/list/")).willReturn(okJson(
                "{\"data\":{\"videos\":[{\"id\":\"7080213458555737986\",\"title\":\"Launch\"}],\"cursor\":1643332803000,"
                        + "\"has_more\":false},\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"20220829194722\"}}")));

        call("tiktok.list_videos", "act.tiktok", Map.of());

        providers.verify(postRequestedFor(urlPathEqualTo("/v2/video/list/"))
                .withQueryParam("fields", equalTo("id,title,video_description,create_time,share_url,cover_image_url,duration"))
                .withHeader("Authorization", equalTo("Bearer act.tiktok"))
                .withRequestBody(equalToJson("{\"max_count\":20}")));
    }

    @Test
    void tiktok_errorCodeInA200_isAFailure() {
        providers.stubFor(post(urlPathEqualTo("/v2/video/list/")).willReturn(okJson("""
                {"data":{},"error":{"code":"access_token_invalid",
                 "message":"The access token is invalid or not found in the request."}}""")));

        ProviderException e = assertThrows(ProviderException.class, () -> call("tiktok.list_videos", "act.tiktok", Map.of()));
        assertThat(e.getMessage()).contains("The access token is invalid");
    }

    @Test
    void rateLimit_carriesRetryAfter() {
        providers.stubFor(post("/v1/documents").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}")));

        ProviderException e = assertThrows(ProviderException.class,
                () -> call("google_docs.create_document", "ya29.docs", Map.of("title", "x")));
        assertEquals("Google Docs answered HTTP 429: Quota exceeded", e.getMessage());
        assertEquals(java.time.Duration.ofSeconds(7), e.retryAfter().orElseThrow());
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void missingRequiredInput_isRefusedBeforeAnyCall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> call("slack_bot.post_message", "xoxb-bot", Map.of("text", "Hi")));
        assertThat(e.getMessage()).contains("'channel'");
        assertThat(providers.getAllServeEvents()).isEmpty();
    }

    private LoggedRequest only() {
        List<LoggedRequest> requests = providers.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        assertEquals(1, requests.size());
        return requests.get(0);
    }

    private static String rawMessage(LoggedRequest request, String path) throws Exception {
        var node = new ObjectMapper().readTree(request.getBodyAsString());
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return new String(Base64.getUrlDecoder().decode(node.asText()), StandardCharsets.UTF_8);
    }
}
