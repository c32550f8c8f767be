package io.switchboard.flows.trigger;

import java.time.Instant;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

import org.jboss.logging.Logger;

import io.quarkus.arc.Unremovable;
import io.switchboard.flows.run.RunQueue;

/** A flow's schedule slot: enqueue one run, keyed by the slot so the same slot never runs twice. */
@Dependent
@Unremovable
public class ScheduledRunJob implements Job {
    static final String FLOW_ID = "flowId";
    static final String KEY_PART = ":schedule:";
    private static final Logger LOG = Logger.getLogger(ScheduledRunJob.class);

    @Inject
    RunQueue queue;

    @Override
    public void execute(JobExecutionContext context) {
        String flowId = context.getMergedJobDataMap().getString(FLOW_ID);
        Instant slot = context.getScheduledFireTime().toInstant();
        // one line per firing, so that a cluster's logs show which node fired each slot
        LOG.debugf("Flow %s fired its slot %s", flowId, slot);
        queue.enqueue(flowId, key(flowId, slot), null);
    }

    public static String key(String flowId, Instant slot) {
        return flowId + KEY_PART + slot;
    }
}
