package io.switchboard.flows.trigger;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.flows.Flow;
import io.switchboard.flows.FlowChanged;
import io.switchboard.flows.run.FlowRun;

/** One Quartz cron trigger per active scheduled flow, in the flow's time zone; the job only enqueues a run. */
@ApplicationScoped
public class FlowSchedules {
    public static final String GROUP = "flow-schedules";
    /** How far ahead skipped slots are scheduled; each start and each edit of the flow looks this far again. */
    static final Duration GAP_HORIZON = Duration.ofDays(400);
    private static final Logger LOG = Logger.getLogger(FlowSchedules.class);

    @Inject
    Scheduler quartz;
    @Inject
    ManagedExecutor executor;

    /**
     * Off the start-up thread, so the service takes requests meanwhile; a flow changed meanwhile keeps its change,
     * since {@link #rebuild()} and {@link #onChange} take turns.
     */
    void onStart(@Observes StartupEvent start) {
        executor.runAsync(this::rebuild).exceptionally(e -> {
            LOG.error("Could not rebuild the flow schedules", e);
            return null;
        });
    }

    /**
     * Replaces every flow trigger with those the database asks for. Each trigger counts its slots from the flow's
     * last scheduled run (or last change), so a slot missed while the service was down fires once, now.
     */
    public synchronized void rebuild() {
        try {
            for (JobKey job : quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                quartz.deleteJob(job);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not clear the flow schedules", e);
        }
        List<FlowChanged> active = QuarkusTransaction.requiringNew().call(() -> Flow.active().stream()
                .filter(Flow::scheduled).map(flow -> new FlowChanged(flow.id, true, flow.trigger().cron(),
                        flow.trigger().timezone(), lastSlot(flow)))
                .toList());
        active.forEach(this::schedule);
        LOG.infof("Scheduled %d flow(s)", active.size());
    }

    synchronized void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) FlowChanged change) {
        if (change.scheduled()) {
            schedule(change);
        } else {
            try {
                quartz.deleteJob(JobKey.jobKey(change.flowId(), GROUP));
            } catch (SchedulerException e) {
                LOG.errorf(e, "Could not remove the schedule of flow %s", change.flowId());
            }
        }
    }

    public Optional<Instant> nextFireTime(String flowId) {
        try {
            return Optional.ofNullable(quartz.getTrigger(TriggerKey.triggerKey(flowId, GROUP)))
                    .map(org.quartz.Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /** The trigger of one flow: missed slots collapse into one run now, then the schedule goes on. */
    public static CronTrigger cronTrigger(String flowId, String cron, String timezone, Instant from) {
        return TriggerBuilder.newTrigger().withIdentity(flowId, GROUP).forJob(flowId, GROUP).startAt(Date.from(from))
                .withSchedule(CronScheduleBuilder.cronSchedule(expression(flowId, cron, TimeZone.getTimeZone(timezone)))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    /**
     * Slots Quartz skips: a cron time that does not exist on the day the clocks go forward (02:30 in Paris on the last
     * Sunday of March) would never fire that day. Such a slot runs when the day reaches it, at 03:30, as cron does.
     * Read in the offset the zone had before the change, the missing local times are exactly the instants from the
     * change to an hour after; those the zone's own schedule fires at anyway are left out.
     */
    public static List<Instant> gapSlots(String flowId, String cron, String timezone, Instant from, Instant to) {
        ZoneRules rules = ZoneId.of(timezone).getRules();
        CronExpression inZone = expression(flowId, cron, TimeZone.getTimeZone(timezone));
        List<Instant> slots = new ArrayList<>();
        for (ZoneOffsetTransition change = rules.nextTransition(from); change != null
                && change.getInstant().isBefore(to); change = rules.nextTransition(change.getInstant())) {
            if (!change.isGap()) {
                continue;
            }
            CronExpression before = expression(flowId, cron, TimeZone.getTimeZone(change.getOffsetBefore()));
            Instant end = change.getInstant().plus(change.getDuration());
            for (Date slot = before.getTimeAfter(Date.from(change.getInstant().minusSeconds(1))); slot != null
                    && slot.toInstant().isBefore(end); slot = before.getTimeAfter(slot)) {
                if (!inZone.isSatisfiedBy(slot)) {
                    slots.add(slot.toInstant());
                }
            }
        }
        return slots;
    }

    private static CronExpression expression(String flowId, String cron, TimeZone zone) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(zone);
            return expression;
        } catch (ParseException e) {
            throw new IllegalArgumentException("Flow " + flowId + " has an invalid cron '" + cron + "'", e);
        }
    }

    private void schedule(FlowChanged change) {
        JobDetail job = JobBuilder.newJob(ScheduledRunJob.class).withIdentity(change.flowId(), GROUP)
                .usingJobData(ScheduledRunJob.FLOW_ID, change.flowId()).usingJobData(ScheduledRunJob.CRON, change.cron())
                .usingJobData(ScheduledRunJob.TIMEZONE, change.timezone()).build();
        try {
            Set<org.quartz.Trigger> triggers = new HashSet<>();
            triggers.add(cronTrigger(change.flowId(), change.cron(), change.timezone(), change.from()));
            // a one-off trigger per skipped slot; missed while down, it is dropped: the cron trigger's catch-up covers it
            for (Instant slot : gapSlots(change.flowId(), change.cron(), change.timezone(), change.from(),
                    change.from().plus(GAP_HORIZON))) {
                triggers.add(TriggerBuilder.newTrigger().withIdentity(change.flowId() + "@" + slot, GROUP)
                        .forJob(change.flowId(), GROUP).startAt(Date.from(slot))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                .withMisfireHandlingInstructionNextWithRemainingCount())
                        .build());
            }
            quartz.scheduleJob(job, triggers, true);
        } catch (SchedulerException | IllegalArgumentException e) {
            LOG.errorf(e, "Could not schedule flow %s", change.flowId());
        }
    }

    private static Instant lastSlot(Flow flow) {
        Instant lastRun = FlowRun.getEntityManager()
                .createQuery("select max(r.createdAt) from FlowRun r where r.flowId = ?1 and r.idempotencyKey like ?2",
                        Instant.class)
                .setParameter(1, flow.id).setParameter(2, flow.id + ScheduledRunJob.KEY_PART + "%").getSingleResult();
        return lastRun != null && lastRun.isAfter(flow.updatedAt) ? lastRun : flow.updatedAt;
    }
}
