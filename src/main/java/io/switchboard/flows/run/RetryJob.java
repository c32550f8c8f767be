package io.switchboard.flows.run;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

import io.quarkus.arc.Unremovable;

/** Fires when a retrying run's wait is over and hands it back to the runner. */
@Dependent
@Unremovable
public class RetryJob implements Job {
    @Inject
    RunQueue queue;

    @Override
    public void execute(JobExecutionContext context) {
        queue.dispatch(context.getMergedJobDataMap().getString("runId"));
    }
}
