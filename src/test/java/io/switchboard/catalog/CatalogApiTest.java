package io.switchboard.catalog;

import static io.switchboard.testsupport.Api.anonymous;
import static io.switchboard.testsupport.Api.member;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CatalogApiTest {

    @Test
    void list_returnsAllTwentyConnectors() {
        member().get("/api/catalog").then().statusCode(200).body("$", hasSize(20))
                .body("id", hasItems("gmail", "slack_bot", "tiktok"));
    }

    @Test
    void get_gmail_showsContractShape() {
        member().get("/api/catalog/gmail").then().statusCode(200)
                .body("id", equalTo("gmail"))
                .body("name", equalTo("Gmail"))
                .body("category", equalTo("email"))
                .body("auth.type", equalTo("oauth2"))
                .body("auth.configured", equalTo(false))
                .body("actions.find { it.id == 'gmail.send_email' }.scopes",
                        equalTo(java.util.List.of("https://www.googleapis.com/auth/gmail.send")))
                .body("actions.find { it.id == 'gmail.send_email' }.inputs.type", equalTo("object"))
                .body("examplePrompts.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
    }

    @Test
    void search_matchesAliasesAndActions() {
        member().queryParam("q", "spreadsheet").get("/api/catalog").then().statusCode(200)
                .body("id", hasItem("google_sheets"));
        member().queryParam("q", "google mail").get("/api/catalog").then().body("id", hasItem("gmail"))
                .body("id", not(hasItem("tiktok")));
    }

    @Test
    void categoryFilter_keepsOnlyThatCategory() {
        member().queryParam("category", "crm").get("/api/catalog").then().statusCode(200)
                .body("category", everyItem(equalTo("crm"))).body("id", hasItems("salesforce", "hubspot"));
    }

    @Test
    void unknownConnector_isNotFound() {
        member().get("/api/catalog/trello").then().statusCode(404).body("error", containsString("trello"));
    }

    @Test
    void anonymous_isUnauthorized() {
        anonymous().get("/api/catalog").then().statusCode(401);
    }
}
