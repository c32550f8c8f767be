package io.switchboard.flows.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Short writes from many worker threads, committed together: one thread takes what is waiting and does it all in one
 * transaction, so a burst of runs pays for one commit instead of one each (a transaction cost about 1 ms of CPU,
 * the statements inside it far less). Each caller waits until its work is committed. When a batch fails, its items
 * are done again one by one, each in a transaction of its own, so one bad item fails alone.
 */
@ApplicationScoped
public class GroupCommit {
    /** Enough to amortise the commit; few enough that one batch stays a short transaction. */
    static final int MAX_BATCH = 64;

    private record Item<T>(Callable<T> work, CompletableFuture<T> done) {
    }

    private final BlockingQueue<Item<?>> waiting = new LinkedBlockingQueue<>();
    private Thread committer;

    @PostConstruct
    void start() {
        committer = new Thread(this::commitWhatWaits, "group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    @PreDestroy
    void stop() {
        committer.interrupt();
        Item<?> left;
        while ((left = waiting.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("The service is stopping"));
        }
    }

    /** Does {@code work} in a transaction shared with other callers' and returns its result once committed. */
    public <T> T call(Callable<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        waiting.add(new Item<>(work, done));
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    private void commitWhatWaits() {
        List<Item<?>> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(waiting.take());
            } catch (InterruptedException e) {
                return;
            }
            waiting.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Item<?>> batch) {
        List<Object> results;
        try {
            results = QuarkusTransaction.requiringNew().call(() -> {
                List<Object> done = new ArrayList<>();
                for (Item<?> item : batch) {
                    done.add(item.work().call());
                }
                return done;
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
            } else {
                batch.forEach(item -> commit(List.of(item)));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Item<T> item, Object result) {
        item.done().complete((T) result);
    }
}
