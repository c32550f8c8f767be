package io.switchboard.flows.trigger;

import java.time.Instant;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

import org.jboss.logging.Logger;

import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.agent.Trigger;
import io.switchboard.flows.Flow;
import io.switchboard.flows.run.RunQueue;

/** A flow's schedule slot: enqueue one run, keyed by the slot so the same slot never runs twice. */
@Dependent
@Unremovable
public class ScheduledRunJob implements Job {
    public static final String FLOW_ID = "flowId";
    public static final String CRON = "cron";
    public static final String TIMEZONE = "timezone";
    static final String KEY_PART = ":schedule:";
    private static final Logger LOG = Logger.getLogger(ScheduledRunJob.class);

    @Inject
    RunQueue queue;

    @Override
    public void execute(JobExecutionContext context) {
        var data = context.getMergedJobDataMap();
        String flowId = data.getString(FLOW_ID);
        // a slot of a schedule the flow no longer has (an edit racing the replacement of its trigger) is dropped
        if (!QuarkusTransaction.requiringNew().call(() -> current(flowId, data.getString(CRON), data.getString(TIMEZONE)))) {
            return;
        }
        Instant slot = context.getScheduledFireTime().toInstant();
        // one line per firing, so that a cluster's logs show which node fired each slot
        LOG.debugf("Flow %s fired its slot %s", flowId, slot);
        queue.enqueue(flowId, key(flowId, slot), null);
    }

    private static boolean current(String flowId, String cron, String timezone) {
        Flow flow = Flow.findById(flowId);
        if (flow == null) {
            return false;
        }
        Trigger trigger = flow.trigger();
        return Trigger.SCHEDULE.equals(trigger.type()) && trigger.cron().equals(cron)
                && trigger.timezone().equals(timezone);
    }

    public static String key(String flowId, Instant slot) {
        return flowId + KEY_PART + slot;
    }
}
