package io.switchboard.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.agent.Trigger;
import io.switchboard.apps.RecordChange;
import io.switchboard.connections.ConnectionMode;
import io.switchboard.flows.run.RunQueue;
import io.switchboard.flows.trigger.AppEventTrigger;
import io.switchboard.flows.trigger.FlowSchedules;
import io.switchboard.flows.trigger.ScheduledRunJob;
import io.switchboard.testsupport.Api;
import io.switchboard.testsupport.Await;
import io.switchboard.testsupport.InjectProviderApis;
import io.switchboard.testsupport.ProviderApis;
import io.switchboard.testsupport.TestConnections;

/** Schedules rebuilt from the database, missed slots, and the same slot or event arriving twice. */
@QuarkusTest
@WithTestResource(value = ProviderApis.class, scope = TestResourceScope.GLOBAL)
class FlowTriggersTest {
    @InjectProviderApis
    WireMockServer providers;
    @Inject
    FlowCreation flows;
    @Inject
    FlowService flowService;
    @Inject
    TestConnections connections;
    @Inject
    Scheduler quartz;
    @Inject
    FlowSchedules schedules;
    @Inject
    RunQueue queue;
    @Inject
    AppEventTrigger events;

    @BeforeEach
    void reset() {
        providers.resetAll();
        connections.clear();
        providers.stubFor(post("/api/chat.postMessage").willReturn(okJson("{\"ok\":true,\"ts\":\"1.2\"}")));
    }

    String slackFlow(String appId, Trigger trigger) {
        return flows.create(new FlowCreation.NewFlow(appId, null, "slack_bot", "slack_bot.post_message", trigger, null,
                null, Map.of("channel", "support"), ConnectionMode.SHARED, "editor", false));
    }

    @Test
    void restart_rebuildsEachActiveScheduleFromTheDatabase() throws Exception {
        String appId = Api.createApp(Api.TASKS_APP);
        String flowId = slackFlow(appId, Trigger.schedule("0 30 7 ? * MON-FRI", null));
        String pausedId = slackFlow(appId, Trigger.schedule("0 0 9 * * ?", "UTC"));
        flowService.pause(appId, pausedId, "editor");
        for (JobKey job : quartz.getJobKeys(GroupMatcher.jobGroupEquals(FlowSchedules.GROUP))) {
            quartz.deleteJob(job);
        }
        assertThat(quartz.getTrigger(TriggerKey.triggerKey(flowId, FlowSchedules.GROUP))).isNull();

        schedules.rebuild();

        CronTrigger trigger = (CronTrigger) quartz.getTrigger(TriggerKey.triggerKey(flowId, FlowSchedules.GROUP));
        assertEquals("0 30 7 ? * MON-FRI", trigger.getCronExpression());
        assertEquals("Europe/Paris", trigger.getTimeZone().getID());
        assertEquals(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW, trigger.getMisfireInstruction());
        assertThat(quartz.getTrigger(TriggerKey.triggerKey(pausedId, FlowSchedules.GROUP))).isNull();
        flowService.delete(appId, flowId, "editor");
        assertThat(quartz.getTrigger(TriggerKey.triggerKey(flowId, FlowSchedules.GROUP))).isNull();
    }

    @Test
    void restart_slotMissedWhileDown_runsOnceNow() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        connections.addShared(appId, "slack_bot", "xoxb-bot");
        String flowId = slackFlow(appId, Trigger.schedule("0 0 3 * * ?", "UTC"));
        Instant twoDaysAgo = Instant.now().minus(2, ChronoUnit.DAYS);
        QuarkusTransaction.requiringNew().run(() -> Flow.update("updatedAt = ?1 where id = ?2", twoDaysAgo, flowId));

        schedules.rebuild();

        Await.until(() -> Api.runs(appId, flowId).stream().anyMatch(r -> "succeeded".equals(r.get("status"))),
                () -> "the missed slot to run");
        assertEquals(1, Api.runs(appId, flowId).size());
        providers.verify(1, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
        flowService.delete(appId, flowId, "editor");
    }

    @Test
    void sameScheduleSlotTwice_queuesOneRun() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        connections.addShared(appId, "slack_bot", "xoxb-bot");
        String flowId = slackFlow(appId, Trigger.schedule("0 0 8 1 1 ? 2099", "UTC"));
        String key = ScheduledRunJob.key(flowId, Instant.parse("2026-11-25T08:00:00Z"));

        Optional<String> first = queue.enqueue(flowId, key, null);
        Optional<String> second = queue.enqueue(flowId, key, null);

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        Api.awaitRun(appId, flowId, first.get(), "succeeded");
        assertEquals(1, Api.runs(appId, flowId).size());
        providers.verify(1, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    }

    @Test
    void sameRecordEventTwice_queuesOneRun() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        connections.addShared(appId, "slack_bot", "xoxb-bot");
        String flowId = slackFlow(appId, Trigger.entityEvent("Ticket", "updated"));
        RecordChange change = new RecordChange(appId, "Ticket", "rec-1", RecordChange.Kind.UPDATED,
                Map.of("subject", "Printer on fire", "priority", "high"), "editor", Instant.parse("2026-11-25T10:15:30Z"));

        events.onChange(change);
        events.onChange(change);

        Await.until(() -> Api.runs(appId, flowId).stream().anyMatch(r -> "succeeded".equals(r.get("status"))),
                () -> "the event run");
        assertEquals(1, Api.runs(appId, flowId).size());
        providers.verify(1, postRequestedFor(urlPathEqualTo("/api/chat.postMessage")));
    }

    @Test
    void pausedFlow_isNotQueued() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        String flowId = slackFlow(appId, Trigger.entityEvent("Ticket", "created"));
        flowService.pause(appId, flowId, "editor");

        assertThat(queue.enqueue(flowId, ScheduledRunJob.key(flowId, Instant.now()), null)).isEmpty();
        assertThat(Api.runs(appId, flowId)).isEmpty();
    }
}
