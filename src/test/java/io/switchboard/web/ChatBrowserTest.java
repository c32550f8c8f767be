package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;

/** The chat in a real browser: a request, shared or per user, the consent page, and back. */
@QuarkusTest
class ChatBrowserTest extends BrowserTest {
    static final String REQUEST = "Send me a daily email with my to-do list using Gmail";

    /** Opens a new chat and sends the request with the keyboard (Enter), as a person would. */
    void ask(String text) {
        browser.open("/apps/" + appId + "/chat");
        WebElement message = browser.find(By.id("message"));
        message.sendKeys(text, Keys.ENTER);
        browser.waitForText("Shared or per user?");
    }

    @Test
    void sharedGmail_consentApproved_landsBackInTheChatWithTheFlow() {
        browser.signIn("editor");
        ask(REQUEST);
        assertThat(browser.path()).matches("/apps/" + appId + "/chat\\?conversation=[0-9a-f-]{36}#latest");
        String conversation = browser.path().replaceAll(".*conversation=([0-9a-f-]+).*", "$1");
        assertThat(browser.text()).contains(REQUEST).contains("Per user");
        browser.screenshot("chat-1-connection-mode");

        browser.button("Shared").click();
        browser.waitForText("Action required");
        assertThat(browser.text()).contains("Required permissions").contains("Send email on your behalf")
                .contains("https://www.googleapis.com/auth/gmail.send").doesNotContain("https://mail.google.com/");
        browser.screenshot("chat-2-authorization");

        browser.link("Connect to Gmail").click();
        browser.waitForText("Required permissions");
        assertThat(browser.path()).startsWith("/sandbox/oauth/gmail/authorize?");
        browser.screenshot("chat-3-sandbox-consent");
        browser.button("Connect to Gmail").click();

        browser.waitFor().until(d -> d.getCurrentUrl().contains("/apps/" + appId + "/chat"));
        assertThat(browser.path()).isEqualTo("/apps/" + appId + "/chat?conversation=" + conversation);
        browser.waitForText("Flow created");
        assertThat(browser.link("See it on the Flows page").getAttribute("href"))
                .contains("/apps/" + appId + "/flows#flow-");
        assertThat(browser.text()).doesNotContain("Action required");
        browser.screenshot("chat-4-back-from-consent");

        // the flow really runs: against the sandbox Gmail, from the Flows page
        browser.link("See it on the Flows page").click();
        browser.button("Run now").click();
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(60)).until(d -> {
                d.navigate().refresh();
                return d.findElement(By.tagName("body")).getText().contains("Succeeded");
            });
        } finally {
            browser.screenshot("flows-3-run-succeeded");
        }

        browser.open("/apps/" + appId + "/integrations");
        WebElement gmail = browser.find(By.cssSelector("#mine .connection"));
        assertThat(gmail.getText()).contains("Gmail").contains("Active").contains("editor@example.com")
                .contains("Shared: one account for the whole app");
    }

    @Test
    void appUser_skipsOnTheConsentPage_chatSaysSkipped_andNothingIsConnected() {
        browser.signIn("member");
        ask(REQUEST);
        assertThat(browser.driver.findElements(By.xpath("//button[normalize-space()='Shared']"))).isEmpty();
        browser.button("Per user").click();
        browser.waitForText("Action required");
        assertThat(browser.text()).contains("your own Gmail account");

        browser.link("Connect to Gmail").click();
        browser.button("Skip").click();
        browser.waitFor().until(d -> d.getCurrentUrl().contains("/apps/" + appId + "/chat?conversation="));
        browser.waitForText("skipped");
        assertThat(browser.text()).contains("You skipped connecting Gmail, so nothing was added");
        browser.screenshot("chat-5-skipped-on-consent");

        browser.open("/apps/" + appId + "/integrations");
        assertThat(browser.find(By.id("mine")).getText()).contains("Nothing is connected yet");
    }

    @Test
    void skipOnTheCard_spendsTheRequest_andAsksAgain() {
        browser.signIn("editor");
        ask(REQUEST);
        browser.button("Shared").click();
        browser.waitForText("Action required");
        browser.button("Skip").click();
        browser.waitForText("You skipped connecting Gmail");
        // the question comes back, and the old request for access no longer has buttons
        assertThat(browser.button("Shared").isDisplayed()).isTrue();
        assertThat(browser.driver.findElements(By.xpath("//a[normalize-space()='Connect to Gmail']"))).isEmpty();
        browser.open("/apps/" + appId + "/integrations");
        assertThat(browser.find(By.id("mine")).getText()).contains("Nothing is connected yet");
    }

    @Test
    void promptChip_sendsItsText() {
        browser.signIn("editor");
        browser.open("/apps/" + appId + "/chat");
        WebElement chip = browser.find(By.cssSelector(".compose .chips button"));
        String text = chip.getText();
        assertThat(text).isNotBlank();
        browser.screenshot("chat-0-empty-with-chips");
        chip.click();
        browser.waitFor().until(d -> d.findElements(By.cssSelector(".msg.mine")).size() == 1);
        assertThat(browser.find(By.cssSelector(".msg.mine .bubble")).getText()).isEqualTo(text);
    }

    @Test
    void chat_onAPhone_fitsTheScreen() {
        browser.signIn("editor");
        browser.phone();
        ask(REQUEST);
        browser.button("Shared").click();
        browser.waitForText("Action required");
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("phone-chat-authorization");
    }
}
