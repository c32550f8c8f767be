package io.switchboard.flows.trigger;

import java.time.Instant;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

import io.quarkus.arc.Unremovable;
import io.switchboard.flows.run.RunQueue;

/** A flow's schedule slot: enqueue one run, keyed by the slot so the same slot never runs twice. */
@Dependent
@Unremovable
public class ScheduledRunJob implements Job {
    static final String FLOW_ID = "flowId";
    static final String KEY_PART = ":schedule:";

    @Inject
    RunQueue queue;

    @Override
    public void execute(JobExecutionContext context) {
        String flowId = context.getMergedJobDataMap().getString(FLOW_ID);
        queue.enqueue(flowId, key(flowId, context.getScheduledFireTime().toInstant()), null);
    }

    public static String key(String flowId, Instant slot) {
        return flowId + KEY_PART + slot;
    }
}
