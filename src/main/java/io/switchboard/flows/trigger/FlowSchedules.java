package io.switchboard.flows.trigger;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
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
    private static final Logger LOG = Logger.getLogger(FlowSchedules.class);

    @Inject
    Scheduler quartz;

    void onStart(@Observes StartupEvent start) {
        rebuild();
    }

    /**
     * Replaces every flow trigger with those the database asks for. Each trigger counts its slots from the flow's
     * last scheduled run (or last change), so a slot missed while the service was down fires once, now.
     */
    public void rebuild() {
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

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) FlowChanged change) {
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
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Flow " + flowId + " has an invalid cron '" + cron + "'", e);
        }
        expression.setTimeZone(TimeZone.getTimeZone(timezone));
        return TriggerBuilder.newTrigger().withIdentity(flowId, GROUP).forJob(flowId, GROUP).startAt(Date.from(from))
                .withSchedule(CronScheduleBuilder.cronSchedule(expression)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    private void schedule(FlowChanged change) {
        JobDetail job = JobBuilder.newJob(ScheduledRunJob.class).withIdentity(change.flowId(), GROUP)
                .usingJobData(ScheduledRunJob.FLOW_ID, change.flowId()).build();
        try {
            quartz.scheduleJob(job, Set.of(cronTrigger(change.flowId(), change.cron(), change.timezone(), change.from())),
                    true);
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
