package io.switchboard.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class BaseUrlTest {

    @Test
    void relativePath_usesTheCatalogBase() {
        assertEquals("https://slack.com/api/chat.postMessage", HttpActionExecutor.resolve("/api/chat.postMessage",
                "https://slack.com", Optional.empty(), Optional.empty(), null, null));
    }

    @Test
    void baseUrlFrom_url_replacesTheBase() {
        assertEquals("https://acme.my.salesforce.com/services/data/v62.0/sobjects/Lead",
                HttpActionExecutor.resolve("/services/data/v62.0/sobjects/Lead", "https://login.salesforce.com",
                        Optional.empty(), Optional.empty(), "https://acme.my.salesforce.com", null));
    }

    @Test
    void baseUrlFrom_bareHost_replacesOnlyTheHost() {
        assertEquals("https://app-eu.wrike.com/api/v4/folders/F1/tasks", HttpActionExecutor.resolve("/folders/F1/tasks",
                "https://www.wrike.com/api/v4", Optional.empty(), Optional.empty(), "app-eu.wrike.com", null));
    }

    @Test
    void configuredOverride_winsOverTheAccountsHost() {
        assertEquals("http://localhost:8080/sandbox/api/wrike/folders/F1/tasks",
                HttpActionExecutor.resolve("/folders/F1/tasks", "https://www.wrike.com/api/v4",
                        Optional.of("http://localhost:8080/sandbox/api/wrike/"), Optional.empty(), "app-eu.wrike.com", null));
    }

    @Test
    void absolutePath_keepsItsHostUnlessOverriddenToo() {
        String upload = "https://upload.box.com/api/2.0/files/content";
        assertEquals(upload, HttpActionExecutor.resolve(upload, "https://api.box.com/2.0",
                Optional.of("http://localhost:1/box"), Optional.empty(), null, null));
        assertEquals("http://localhost:1/box-upload/api/2.0/files/content", HttpActionExecutor.resolve(upload,
                "https://api.box.com/2.0", Optional.of("http://localhost:1/box"), Optional.of("http://localhost:1/box-upload"),
                null, null));
    }

    @Test
    void grantBase_winsOverEverything_soSandboxConnectionsNeverReachTheProvider() {
        assertEquals("http://sandbox/api/gmail/gmail/v1/users/me/messages/send",
                HttpActionExecutor.resolve("/gmail/v1/users/me/messages/send", "https://gmail.googleapis.com",
                        Optional.of("http://localhost:1/gmail"), Optional.empty(), null, "http://sandbox/api/gmail"));
        assertEquals("http://sandbox/api/box/api/2.0/files/content?fields=id",
                HttpActionExecutor.resolve("https://upload.box.com/api/2.0/files/content?fields=id",
                        "https://api.box.com/2.0", Optional.empty(), Optional.empty(), null, "http://sandbox/api/box"));
    }
}
