package io.switchboard.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.agent.Trigger;
import io.switchboard.apps.RecordChange;
import io.switchboard.apps.RecordService;
import io.switchboard.connections.ConnectionMode;
import io.switchboard.flows.run.RunQueue;
import io.switchboard.flows.trigger.AppEventTrigger;
import io.switchboard.flows.trigger.FlowSchedules;
import io.switchboard.flows.trigger.ScheduledRunJob;
import io.switchboard.testsupport.Api;
import io.switchboard.testsupport.Await;
import io.switchboard.testsupport.Connect;
import io.switchboard.testsupport.ProviderApis;

/**
 * Schedules rebuilt from the database, missed slots, the same slot or event arriving twice, and edits that replace
 * a flow's schedule. Runs go out over a real sandbox connection.
 */
@QuarkusTest
@WithTestResource(value = ProviderApis.class, scope = TestResourceScope.GLOBAL)
class FlowTriggersTest {
    static final String EVERY_SECOND = "* * * * * ?";
    static final String NEVER = "0 0 8 1 1 ? 2099";

    @Inject
    FlowCreation flows;
    @Inject
    FlowService flowService;
    @Inject
    Scheduler quartz;
    @Inject
    FlowSchedules schedules;
    @Inject
    RunQueue queue;
    @Inject
    AppEventTrigger events;
    @Inject
    RecordService records;

    /** An app whose shared Slack bot is connected through the sandbox provider. */
    static String connectedApp() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        Connect.viaSandbox(appId, "editor", "slack_bot", "shared", "slack_bot.post_message");
        return appId;
    }

    String slackFlow(String appId, Trigger trigger, String channel) {
        return flows.create(new FlowCreation.NewFlow(appId, null, "slack_bot", "slack_bot.post_message", trigger, null,
                null, Map.of("channel", channel), ConnectionMode.SHARED, "editor", false));
    }

    static long messagesTo(String channel) {
        return Api.outbox().stream().filter(e -> String.valueOf(e.get("body")).contains("\"" + channel + "\"")).count();
    }

    CronTrigger trigger(String flowId) throws Exception {
        return (CronTrigger) quartz.getTrigger(TriggerKey.triggerKey(flowId, FlowSchedules.GROUP));
    }

    @Test
    void restart_rebuildsEachActiveScheduleFromTheDatabase() throws Exception {
        String appId = Api.createApp(Api.TASKS_APP);
        String flowId = slackFlow(appId, Trigger.schedule("0 30 7 ? * MON-FRI", null), "support");
        String pausedId = slackFlow(appId, Trigger.schedule("0 0 9 * * ?", "UTC"), "support");
        flowService.pause(appId, pausedId, "editor");
        for (JobKey job : quartz.getJobKeys(GroupMatcher.jobGroupEquals(FlowSchedules.GROUP))) {
            quartz.deleteJob(job);
        }
        assertThat(trigger(flowId)).isNull();

        schedules.rebuild();

        CronTrigger trigger = trigger(flowId);
        assertEquals("0 30 7 ? * MON-FRI", trigger.getCronExpression());
        assertEquals("Europe/Paris", trigger.getTimeZone().getID());
        assertEquals(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW, trigger.getMisfireInstruction());
        assertThat(trigger(pausedId)).isNull();
        flowService.delete(appId, flowId, "editor");
        assertThat(trigger(flowId)).isNull();
    }

    @Test
    void restart_slotMissedWhileDown_runsOnceNow() {
        String appId = connectedApp();
        String channel = "missed-" + UUID.randomUUID();
        String flowId = slackFlow(appId, Trigger.schedule("0 0 3 * * ?", "UTC"), channel);
        Instant twoDaysAgo = Instant.now().minus(2, ChronoUnit.DAYS);
        QuarkusTransaction.requiringNew().run(() -> Flow.update("updatedAt = ?1 where id = ?2", twoDaysAgo, flowId));

        schedules.rebuild();

        Await.until(() -> Api.runs(appId, flowId).stream().anyMatch(r -> "succeeded".equals(r.get("status"))),
                () -> "the missed slot to run");
        assertEquals(1, Api.runs(appId, flowId).size());
        assertEquals(1, messagesTo(channel));
        flowService.delete(appId, flowId, "editor");
    }

    @Test
    void sameScheduleSlotTwice_queuesOneRun() {
        String appId = connectedApp();
        String channel = "slot-" + UUID.randomUUID();
        String flowId = slackFlow(appId, Trigger.schedule(NEVER, "UTC"), channel);
        String key = ScheduledRunJob.key(flowId, Instant.parse("2026-11-25T08:00:00Z"));

        Optional<String> first = queue.enqueue(flowId, key, null);
        Optional<String> second = queue.enqueue(flowId, key, null);

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        Api.awaitRun(appId, flowId, first.get(), "succeeded");
        assertEquals(1, Api.runs(appId, flowId).size());
        assertEquals(1, messagesTo(channel));
    }

    @Test
    void sameRecordEventTwice_queuesOneRun() {
        String appId = connectedApp();
        String channel = "event-" + UUID.randomUUID();
        String flowId = slackFlow(appId, Trigger.entityEvent("Ticket", "updated"), channel);
        RecordChange change = new RecordChange(appId, "Ticket", "rec-1", RecordChange.Kind.UPDATED,
                Map.of("subject", "Printer on fire", "priority", "high"), "editor", Instant.parse("2026-11-25T10:15:30Z"));

        events.onChange(change);
        events.onChange(change);

        Await.until(() -> Api.runs(appId, flowId).stream().anyMatch(r -> "succeeded".equals(r.get("status"))),
                () -> "the event run");
        assertEquals(1, Api.runs(appId, flowId).size());
        assertEquals(1, messagesTo(channel));
    }

    @Test
    void recordChange_storesItsRunsWithTheRecord() {
        String appId = connectedApp();
        String channel = "outbox-" + UUID.randomUUID();
        String flowId = slackFlow(appId, Trigger.entityEvent("Ticket", "created"), channel);

        records.create(appId, "Ticket", Map.of("subject", "Kept"), "editor");
        // no waiting: the run was written in the record's own transaction
        assertEquals(1, Api.runs(appId, flowId).size());

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            records.create(appId, "Ticket", Map.of("subject", "Rolled back"), "editor");
            throw new IllegalStateException("a later write of the same transaction failed");
        }));
        Await.until(() -> messagesTo(channel) == 1, () -> "the kept record's message");
        assertEquals(1, Api.runs(appId, flowId).size());
        assertThat(Api.outbox().stream().map(e -> String.valueOf(e.get("body")))).noneMatch(b -> b.contains(
                "Rolled back"));
    }

    @Test
    void pausedFlow_isNotQueued() {
        String appId = Api.createApp(Api.HELPDESK_APP);
        String flowId = slackFlow(appId, Trigger.entityEvent("Ticket", "created"), "support");
        flowService.pause(appId, flowId, "editor");

        assertThat(queue.enqueue(flowId, ScheduledRunJob.key(flowId, Instant.now()), null)).isEmpty();
        assertThat(Api.runs(appId, flowId)).isEmpty();
    }

    @Test
    void scheduleInTheHourTheClocksSkip_getsAOneOffTriggerForThatMorning() throws Exception {
        String appId = Api.createApp(Api.HELPDESK_APP);
        String flowId = slackFlow(appId, Trigger.schedule("0 30 2 * * ?", "Europe/Paris"), "support");
        JobKey job = JobKey.jobKey(flowId, FlowSchedules.GROUP);

        List<? extends org.quartz.Trigger> triggers = quartz.getTriggersOfJob(job);

        assertEquals(2, triggers.size());
        java.time.ZonedDateTime oneOff = triggers.stream().filter(t -> !(t instanceof CronTrigger)).findFirst()
                .orElseThrow().getStartTime().toInstant().atZone(java.time.ZoneId.of("Europe/Paris"));
        assertEquals("03:30", oneOff.toLocalTime().toString());
        assertEquals(java.time.Month.MARCH, oneOff.getMonth());
        assertEquals(java.time.DayOfWeek.SUNDAY, oneOff.getDayOfWeek());
        flowService.delete(appId, flowId, "editor");
        assertThat(quartz.getTriggersOfJob(job)).isEmpty();
    }

    @Test
    void edit_replacesTheTrigger_oneTriggerWithTheNewCronInTheNewZone() throws Exception {
        String appId = Api.createApp(Api.HELPDESK_APP);
        String flowId = slackFlow(appId, Trigger.schedule("0 0 8 * * ?", "Europe/Paris"), "support");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Api.editor().body(Map.of("trigger", Map.of("type", "schedule", "cron", "0 30 9 ? * MON-FRI",
                "timezone", "America/New_York"))).patch("/api/apps/" + appId + "/flows/" + flowId).then().statusCode(200);

        JobKey job = JobKey.jobKey(flowId, FlowSchedules.GROUP);
        List<? extends org.quartz.Trigger> triggers = quartz.getTriggersOfJob(job);
        assertEquals(1, triggers.size());
        CronTrigger trigger = (CronTrigger) triggers.get(0);
        assertEquals("0 30 9 ? * MON-FRI", trigger.getCronExpression());
        assertEquals("America/New_York", trigger.getTimeZone().getID());
        assertEquals("0 30 9 ? * MON-FRI", quartz.getJobDetail(job).getJobDataMap().getString(ScheduledRunJob.CRON));
        // slots count from the edit, so none before it is caught up
        assertThat(trigger.getStartTime().toInstant()).isAfterOrEqualTo(before);
        Instant next = trigger.getNextFireTime().toInstant();
        assertEquals(next.toString(), Api.flow(appId, flowId).get("nextRunAt"));
        assertEquals("09:30", next.atZone(java.time.ZoneId.of("America/New_York")).toLocalTime().toString());
    }

    @Test
    void edit_fromNeverToEverySecondAndBack_theOldScheduleStopsAndTheNewOneFires() throws Exception {
        String appId = connectedApp();
        String channel = "edited-" + UUID.randomUUID();
        String flowId = slackFlow(appId, Trigger.schedule(NEVER, "UTC"), channel);
        String path = "/api/apps/" + appId + "/flows/" + flowId;

        Api.editor().body(Map.of("trigger", Map.of("type", "schedule", "cron", EVERY_SECOND, "timezone", "UTC")))
                .patch(path).then().statusCode(200);
        Await.until(() -> Api.runs(appId, flowId).stream().filter(r -> "succeeded".equals(r.get("status"))).count() >= 2,
                () -> "the new schedule to fire twice: " + Api.runs(appId, flowId));

        Api.editor().body(Map.of("trigger", Map.of("type", "schedule", "cron", NEVER, "timezone", "UTC")))
                .patch(path).then().statusCode(200);
        Thread.sleep(500);
        int runs = Api.runs(appId, flowId).size();
        Thread.sleep(2500);

        assertEquals(runs, Api.runs(appId, flowId).size(), "runs after the every-second schedule was replaced");
        assertEquals(NEVER, trigger(flowId).getCronExpression());
    }

    @Test
    void edit_toManual_removesTheSchedule_andAPausedFlowStaysUnscheduled() throws Exception {
        String appId = Api.createApp(Api.HELPDESK_APP);
        String path = "/api/apps/" + appId + "/flows/";
        String manual = slackFlow(appId, Trigger.schedule("0 0 8 * * ?", null), "support");
        String paused = slackFlow(appId, Trigger.schedule("0 0 8 * * ?", null), "support");
        flowService.pause(appId, paused, "editor");

        Api.editor().body(Map.of("trigger", Map.of("type", "manual"))).patch(path + manual).then().statusCode(200);
        Api.editor().body(Map.of("trigger", Map.of("type", "schedule", "cron", EVERY_SECOND))).patch(path + paused)
                .then().statusCode(200);

        assertThat(trigger(manual)).isNull();
        assertThat(trigger(paused)).isNull();
        assertEquals("paused", Api.flow(appId, paused).get("status"));
        flowService.resume(appId, paused, "editor");
        assertEquals(EVERY_SECOND, trigger(paused).getCronExpression());
        flowService.delete(appId, paused, "editor");
    }

    @Test
    void edit_eventFlowToAnotherEvent_listensOnlyToTheNewOne() {
        String appId = connectedApp();
        String channel = "re-evented-" + UUID.randomUUID();
        String flowId = slackFlow(appId, Trigger.entityEvent("Ticket", "created"), channel);
        Api.editor().body(Map.of("trigger", Map.of("type", "entity_event", "entity", "Ticket", "event", "updated")))
                .patch("/api/apps/" + appId + "/flows/" + flowId).then().statusCode(200);
        Instant at = Instant.parse("2026-11-25T10:15:30Z");

        events.onChange(new RecordChange(appId, "Ticket", "rec-2", RecordChange.Kind.CREATED,
                Map.of("subject", "New one"), "editor", at));
        events.onChange(new RecordChange(appId, "Ticket", "rec-2", RecordChange.Kind.UPDATED,
                Map.of("subject", "Changed one"), "editor", at.plusSeconds(60)));

        Await.until(() -> Api.runs(appId, flowId).stream().anyMatch(r -> "succeeded".equals(r.get("status"))),
                () -> "the update's run");
        assertEquals(1, Api.runs(appId, flowId).size());
        assertThat(Api.outbox().stream().map(e -> String.valueOf(e.get("body"))).filter(b -> b.contains(channel)))
                .singleElement().asString().contains("Updated Ticket: Changed one");
    }

    @Test
    void slotOfAReplacedSchedule_queuesNothing() throws Exception {
        String appId = connectedApp();
        String flowId = slackFlow(appId, Trigger.schedule(NEVER, "UTC"), "support");
        String marker = "stale-" + UUID.randomUUID();

        // a fire of the schedule the flow had before an edit, racing the replacement of its trigger
        quartz.scheduleJob(JobBuilder.newJob(ScheduledRunJob.class).withIdentity(marker, "test")
                .usingJobData(ScheduledRunJob.FLOW_ID, flowId).usingJobData(ScheduledRunJob.CRON, "0 0 8 * * ?")
                .usingJobData(ScheduledRunJob.TIMEZONE, "UTC").build(),
                TriggerBuilder.newTrigger().withIdentity(marker, "test").startAt(new Date()).build());
        Await.until(() -> {
            try {
                return !quartz.checkExists(JobKey.jobKey(marker, "test"));
            } catch (Exception e) {
                return false;
            }
        }, () -> "the stale slot to fire");

        assertThat(Api.runs(appId, flowId)).isEmpty();
    }
}
