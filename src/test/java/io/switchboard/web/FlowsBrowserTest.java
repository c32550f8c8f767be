package io.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.testsupport.Api;

/**
 * The Flows page with flows in it. Until the flows feature is merged its rows come from {@link ScriptedFlows}; the
 * connection behind them, the consent page and the reconnect are real.
 */
@QuarkusTest
@Tag("own-jvm")
@TestProfile(FlowsBrowserTest.WithScriptedFlows.class)
class FlowsBrowserTest extends BrowserTest {
    public static class WithScriptedFlows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.arc.selected-alternatives", ScriptedFlows.class.getName());
        }
    }

    @Inject
    ScriptedFlows flows;

    @BeforeEach
    void sharedGmailFlowFromTheChat() {
        browser.signIn("editor");
        browser.open("/apps/" + appId + "/chat");
        browser.find(By.id("message")).sendKeys("Send me a daily email with my to-do list using Gmail", Keys.ENTER);
        browser.button("Shared").click();
        browser.link("Connect to Gmail").click();
        browser.button("Connect to Gmail").click();
        browser.waitFor().until(d -> d.getCurrentUrl().contains("/apps/" + appId + "/chat?conversation="));
        String connectionId = Api.editor().get("/api/apps/" + appId + "/connections").then().extract().path("[0].id");
        flows.seed(appId, connectionId, Instant.now());
    }

    WebElement flow(String name) {
        return browser.find(By.xpath("//li[contains(@class,'flow')][.//h2[normalize-space()='" + name + "']]"));
    }

    @Test
    void flows_inWords_withTheirRunsAndErrors() {
        browser.open("/apps/" + appId + "/flows");
        List<String> names = browser.driver.findElements(By.cssSelector(".flow h2")).stream().map(WebElement::getText)
                .toList();
        assertThat(names).containsExactly("Daily to-do email", "New todo to Gmail", "Weekly report");
        WebElement daily = flow("Daily to-do email");
        assertThat(daily.getText()).contains("Active").contains("Every day at 08:00 (Europe/Paris), email you your open todos")
                .contains("Failed").contains("after 3 attempts")
                .contains("Gmail refused the message: the address \"<b>bob</b>@\" is not a valid recipient.")
                .contains("Succeeded");
        assertThat(flow("New todo to Gmail").getText()).contains("Needs reconnecting")
                .contains("Google no longer accepts the saved sign-in");
        assertThat(flow("Weekly report").getText()).contains("Paused").contains("Resume");
        browser.screenshot("flows-1-list");
    }

    @Test
    void runNow_pause_andResume() {
        browser.open("/apps/" + appId + "/flows");
        flow("Daily to-do email").findElement(By.xpath(".//button[normalize-space()='Run now']")).click();
        browser.waitForText("will run in a moment");
        assertThat(flow("Daily to-do email").getText()).contains("Waiting to run");

        flow("Daily to-do email").findElement(By.xpath(".//button[normalize-space()='Pause']")).click();
        browser.waitForText("is paused");
        assertThat(flow("Daily to-do email").findElement(By.cssSelector(".badge")).getText()).isEqualTo("Paused");

        flow("Daily to-do email").findElement(By.xpath(".//button[normalize-space()='Resume']")).click();
        browser.waitForText("running on its schedule again");
        assertThat(flow("Daily to-do email").findElement(By.cssSelector(".badge")).getText()).isEqualTo("Active");
        browser.screenshot("flows-2-after-buttons");
    }

    @Test
    void needsReconnect_reconnectButton_goesThroughTheConsentAndBack() {
        browser.open("/apps/" + appId + "/flows");
        flow("New todo to Gmail").findElement(By.xpath(".//button[normalize-space()='Reconnect Gmail']")).click();
        browser.waitForText("Required permissions");
        assertThat(browser.path()).startsWith("/sandbox/oauth/gmail/authorize?");
        browser.button("Connect to Gmail").click();
        browser.waitFor().until(d -> d.getCurrentUrl().endsWith("/apps/" + appId + "/integrations"));
        assertThat(browser.find(By.cssSelector("#mine .connection")).getText()).contains("Active");
    }

    @Test
    void appUser_seesFlows_withoutButtons() {
        browser.signIn("member");
        browser.open("/apps/" + appId + "/flows");
        assertThat(browser.text()).contains("Daily to-do email").contains("Google no longer accepts the saved sign-in");
        assertThat(browser.driver.findElements(By.cssSelector(".flow button"))).isEmpty();
        browser.phone();
        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("phone-flows");
    }
}
