package io.switchboard.web;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.common.http.TestHTTPResource;
import io.switchboard.testsupport.Api;

/** One headless Chromium per test class, shared by its tests, and a fresh Tasks app with a member for each test. */
abstract class BrowserTest {
    @TestHTTPResource("/")
    URL base;

    static Chromium browser;
    String appId;

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void browserAndApp() {
        // the test URL is known per instance, so the first test starts the browser and the others share it
        if (browser == null) {
            browser = new Chromium(base);
        }
        browser.desktop();
        appId = Api.createTasksAppWithMember();
    }
}
