package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.testsupport.Api;

/** Signing in and out, the apps list, the flows page, and what every page owes a browser. */
@QuarkusTest
class PagesBrowserTest extends BrowserTest {

    @BeforeEach
    void signedOut() {
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void anonymousBrowser_isSentToTheLoginPage_andBackAfterSigningIn() {
        browser.open("/apps/" + appId + "/integrations");
        browser.waitFor().until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Sign in");
        browser.screenshot("login");

        browser.find(By.id("username")).sendKeys("member");
        browser.find(By.id("password")).sendKeys("member", Keys.ENTER);
        browser.waitFor().until(d -> d.getCurrentUrl().endsWith("/apps/" + appId + "/integrations"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Integrations");

        browser.driver.manage().deleteAllCookies();
        browser.open("/");
        browser.waitFor().until(d -> d.getCurrentUrl().contains("/login"));
    }

    @Test
    void wrongPassword_saysSo() {
        browser.open("/login");
        browser.find(By.id("username")).sendKeys("editor");
        browser.find(By.id("password")).sendKeys("nope", Keys.ENTER);
        browser.waitForText("did not match");
    }

    @Test
    void apps_listsTheUsersApps_withTheirPages() {
        browser.signIn("member");
        browser.open("/");
        WebElement app = browser.find(By.xpath("//li[contains(@class,'app')][.//a[contains(@href,'" + appId + "')]]"));
        assertThat(app.getText()).contains("Tasks").contains("App user").contains("Chat").contains("Integrations")
                .contains("Flows");
        browser.screenshot("apps");
        app.findElement(By.linkText("Flows")).click();
        browser.waitFor().until(d -> d.getCurrentUrl().endsWith("/apps/" + appId + "/flows"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Flows");
        assertThat(browser.text()).contains("No flows yet");
        browser.screenshot("flows");
    }

    @Test
    void signOut_endsTheSession() {
        browser.signIn("editor");
        browser.open("/apps/" + appId + "/chat");
        browser.button("Sign out").click();
        browser.waitFor().until(d -> d.getCurrentUrl().contains("/login"));
        browser.open("/apps/" + appId + "/chat");
        browser.waitFor().until(d -> d.getCurrentUrl().contains("/login"));
    }

    @Test
    void anotherAppsPage_isRefusedWithAPage() {
        String other = Api.createApp(Api.TASKS_APP);
        browser.signIn("member");
        browser.open("/apps/" + other + "/chat");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.text()).contains("You are not a member of this app.");
        browser.screenshot("error-not-a-member");
    }

    @Test
    void keyboard_reachesTheSkipLinkFirst_andEveryPageRunsUnderTheContentSecurityPolicy() {
        browser.signIn("editor");
        browser.console();
        for (String page : new String[] { "/", "/apps/" + appId + "/chat", "/apps/" + appId + "/integrations",
                "/apps/" + appId + "/flows" }) {
            browser.open(page);
            browser.find(By.tagName("body")).sendKeys(Keys.TAB);
            WebElement focused = browser.driver.switchTo().activeElement();
            assertThat(focused.getText()).as("first Tab stop on %s", page).isEqualTo("Skip to content");
            assertThat(browser.scrollsSideways()).isFalse();
        }
        assertThat(browser.console()).as("console: CSP violations or script errors").isEmpty();
    }
}
