package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;

/** Browse and My integrations in a real browser. */
@QuarkusTest
class IntegrationsBrowserTest extends BrowserTest {

    /** Connects the app's shared Gmail through the chat and the sandbox consent page. */
    void connectSharedGmail() {
        browser.signIn("editor");
        browser.open("/apps/" + appId + "/chat");
        browser.find(By.id("message")).sendKeys("Send me a daily email with my to-do list using Gmail", Keys.ENTER);
        browser.button("Shared").click();
        browser.link("Connect to Gmail").click();
        browser.button("Connect to Gmail").click();
        browser.waitFor().until(d -> d.getCurrentUrl().contains("/apps/" + appId + "/chat?conversation="));
    }

    @Test
    void browse_listsEveryConnector_andUseOpensTheChatWithItsPrompt() {
        browser.signIn("editor");
        browser.open("/apps/" + appId + "/integrations");
        assertThat(browser.driver.findElements(By.cssSelector("#browse .connector"))).hasSize(20);
        WebElement gmail = browser.find(By.id("connector-gmail"));
        assertThat(gmail.getText()).contains("Gmail").contains("email").contains("Send email");
        browser.screenshot("integrations-1-browse");

        gmail.findElement(By.linkText("Use")).click();
        browser.waitFor().until(d -> d.getCurrentUrl().contains("/chat?conversation="));
        assertThat(browser.find(By.id("message")).getAttribute("value"))
                .isEqualTo("Send me a daily email with my to-do list using Gmail.");
    }

    @Test
    void browse_filtersByWordAndCategory() {
        browser.signIn("member");
        browser.open("/apps/" + appId + "/integrations");
        browser.find(By.id("q")).sendKeys("slack", Keys.ENTER);
        browser.waitFor().until(d -> d.getCurrentUrl().contains("q=slack"));
        assertThat(browser.driver.findElements(By.cssSelector("#browse .connector h3")))
                .extracting(WebElement::getText).containsExactlyInAnyOrder("Slack (as you)", "Slack (bot)");
    }

    @Test
    void myIntegrations_viewAccess_thenDisconnect() {
        connectSharedGmail();
        browser.open("/apps/" + appId + "/integrations");
        WebElement connection = browser.find(By.cssSelector("#mine .connection"));
        assertThat(connection.getText()).contains("Gmail").contains("editor@example.com").contains("Active");

        connection.findElement(By.xpath(".//summary[normalize-space()='View access']")).click();
        WebElement access = connection.findElement(By.cssSelector("details.access"));
        assertThat(access.getText()).contains("Send email on your behalf").contains("gmail.send").contains("Granted ");
        browser.screenshot("integrations-2-view-access");

        connection.findElement(By.xpath(".//summary[normalize-space()='Disconnect']")).click();
        browser.screenshot("integrations-3-confirm-disconnect");
        browser.button("Disconnect Gmail").click();
        browser.waitForText("is disconnected");
        assertThat(browser.find(By.cssSelector(".notice")).getText()).startsWith("Gmail (editor@example.com) is disconnected.");
        assertThat(browser.find(By.cssSelector("#mine .connection")).getText()).contains("Disconnected")
                .contains("was disconnected");
        assertThat(browser.button("Reconnect").isDisplayed()).isTrue();
        browser.screenshot("integrations-4-disconnected");
    }

    @Test
    void appUser_seesTheSharedConnection_butCannotChangeIt() {
        connectSharedGmail();
        browser.signIn("member");
        browser.open("/apps/" + appId + "/integrations");
        WebElement connection = browser.find(By.cssSelector("#mine .connection"));
        assertThat(connection.getText()).contains("Gmail").doesNotContain("Switch account").doesNotContain("Disconnect");
    }

    @Test
    void switchAccount_goesToTheProviderAndBack() {
        connectSharedGmail();
        browser.open("/apps/" + appId + "/integrations");
        browser.button("Switch account").click();
        browser.waitForText("Required permissions");
        assertThat(browser.path()).startsWith("/sandbox/oauth/gmail/authorize?");
        browser.button("Connect to Gmail").click();
        browser.waitFor().until(d -> d.getCurrentUrl().endsWith("/apps/" + appId + "/integrations"));
        assertThat(browser.find(By.cssSelector("#mine .connection")).getText()).contains("Active");
    }

    @Test
    void integrations_onAPhone_fitTheScreen() {
        connectSharedGmail();
        browser.phone();
        browser.open("/apps/" + appId + "/integrations");
        browser.find(By.xpath("//summary[normalize-space()='View access']")).click();
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("phone-integrations");
    }
}
