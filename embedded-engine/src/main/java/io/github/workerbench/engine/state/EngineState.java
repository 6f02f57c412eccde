package io.github.workerbench.engine.state;

import io.github.workerbench.engine.EngineCounters;
import io.github.workerbench.engine.bpmn.ProcessModel;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one state both protocols share: definitions, instances, jobs, parked polls and open
 * streams, and the commands both protocols send.
 *
 * <p>Every change happens under one lock, taken here; the operations are short (no I/O), so a
 * single lock keeps the rules simple and is far from the bottleneck. The work is done by
 * package-private parts, each guarded by this lock: {@code Definitions} (deployed versions), {@code
 * Instances} (instances and how a token moves), {@code Jobs} (the job table and job commands),
 * {@code JobDispatch} (queues per type, parked polls, open streams, deliveries), {@code Deadlines}
 * (activation timeouts in one ordered set swept by a single timer) and {@code Counters}. Whatever
 * must reach a transport (jobs for a poll or stream, a finished instance's result) is collected
 * under the lock in an {@code Outbox} and delivered after it is released, so a slow or dead client
 * never blocks the engine. A delivery that fails puts its jobs back at once.
 *
 * <p>What both protocols refuse is decided here and in the command records ({@link
 * ActivationRequest}, {@link InstanceLabels}), so gRPC and REST refuse the same requests with the
 * same {@link RejectionType}; the transports only read their wire format.
 *
 * <p>Thread-safe.
 */
public final class EngineState {

  /** Zeebe encodes the partition id in the top bits of a key; partition 1 starts here. */
  public static final long FIRST_KEY = (1L << 51) + 1;

  /** Zeebe's gateway default when a poll asks for request timeout 0. */
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.engine");

  private final Object lock = new Object();
  private final Counters counters = new Counters();
  private final Definitions definitions;
  private final JobDispatch dispatch;
  private final Jobs jobs;
  private final Instances instances;

  /**
   * @param timers runs timers; the caller owns whatever executes them and shuts it down
   * @param clock epoch milliseconds; deadlines and dates are read from it only
   */
  public EngineState(Timers timers, LongSupplier clock) {
    Keys keys = new Keys();
    definitions = new Definitions(keys);
    dispatch = new JobDispatch(lock, timers, clock, counters);
    jobs = new Jobs(counters, timers, dispatch);
    instances = new Instances(keys, counters, clock, jobs);
  }

  /**
   * Deploys BPMN resources. A resource whose bytes equal the latest version of its process keeps
   * that version; otherwise it becomes the next version.
   *
   * @throws CommandRejectedException INVALID_ARGUMENT for an empty deployment or an unsupported
   *     model (the message names the element)
   */
  public DeploymentInfo deploy(List<DeploymentResource> resources) {
    List<ProcessModel> models = definitions.parse(resources);
    synchronized (lock) {
      return definitions.register(resources, models);
    }
  }

  /**
   * Creates an instance and its first job.
   *
   * @param processDefinitionKey the definition's key, or {@code <= 0} to choose by id
   * @param bpmnProcessId used when no key is given
   * @param version a version, or {@code -1} (or 0) for the latest
   * @throws CommandRejectedException NOT_FOUND when no such definition exists
   */
  public ProcessInstanceView createInstance(
      long processDefinitionKey, String bpmnProcessId, int version, Map<String, Object> variables) {
    return create(processDefinitionKey, bpmnProcessId, version, variables, null);
  }

  /**
   * Creates an instance and returns a future completed with its final state when it completes;
   * exceptionally with {@link CommandRejectedException} INVALID_STATE if it is canceled, or {@link
   * ResultTimeoutException} when it has not completed within the request timeout (the instance
   * goes on).
   *
   * @param requestTimeoutMillis how long to wait; 0 or less means {@link
   *     #DEFAULT_REQUEST_TIMEOUT_MILLIS}, as Zeebe's gateway does
   * @throws CommandRejectedException NOT_FOUND when no such definition exists
   */
  public CompletableFuture<ProcessInstanceView> createInstanceAwaitingResult(
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      Map<String, Object> variables,
      long requestTimeoutMillis) {
    long timeout = requestTimeoutMillis > 0 ? requestTimeoutMillis : DEFAULT_REQUEST_TIMEOUT_MILLIS;
    CompletableFuture<ProcessInstanceView> awaited = new CompletableFuture<>();
    create(processDefinitionKey, bpmnProcessId, version, variables, awaited);
    CompletableFuture<ProcessInstanceView> result = new CompletableFuture<>();
    awaited
        .orTimeout(timeout, TimeUnit.MILLISECONDS)
        .whenComplete(
            (view, error) -> {
              if (error == null) {
                result.complete(view);
              } else {
                result.completeExceptionally(
                    error instanceof TimeoutException ? new ResultTimeoutException(timeout) : error);
              }
            });
    return result;
  }

  private ProcessInstanceView create(
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      Map<String, Object> variables,
      CompletableFuture<ProcessInstanceView> waiter) {
    Outbox out = new Outbox();
    ProcessInstanceView view;
    synchronized (lock) {
      ProcessDefinition definition = definitions.find(processDefinitionKey, bpmnProcessId, version);
      view = instances.create(definition, variables, waiter, out);
    }
    dispatch.deliver(out);
    return view;
  }

  /** Cancels an active instance and removes its job. */
  public void cancelInstance(long processInstanceKey) {
    List<CompletableFuture<ProcessInstanceView>> waiters;
    synchronized (lock) {
      waiters = instances.cancel(processInstanceKey);
    }
    if (waiters != null) {
      CommandRejectedException canceled =
          new CommandRejectedException(
              RejectionType.INVALID_STATE,
              "Expected to complete process instance '" + processInstanceKey + "', but it was canceled");
      waiters.forEach(w -> w.completeExceptionally(canceled));
    }
  }

  /**
   * Instances matching the filter, oldest first.
   *
   * @param processInstanceKey a key, or null for any
   * @param state a state, or null for any
   */
  public List<ProcessInstanceView> searchInstances(Long processInstanceKey, InstanceState state) {
    synchronized (lock) {
      return instances.search(processInstanceKey, state);
    }
  }

  /**
   * Activates up to {@code request.maxJobs()} jobs for a poll. With jobs available (or {@code
   * requestTimeoutMillis < 0}) the receiver gets its answer at once; otherwise the poll parks
   * until jobs appear or the timeout passes, then gets an empty answer.
   *
   * @param requestTimeoutMillis how long to park; 0 means {@link #DEFAULT_REQUEST_TIMEOUT_MILLIS}
   * @return a handle the transport cancels when its caller goes away
   */
  public PollRegistration activate(ActivationRequest request, long requestTimeoutMillis, JobReceiver receiver) {
    if (request.maxJobs() < 1) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT,
          "Expected to activate at least 1 job, but maxJobsToActivate was " + request.maxJobs());
    }
    long parkMillis = requestTimeoutMillis == 0 ? DEFAULT_REQUEST_TIMEOUT_MILLIS : requestTimeoutMillis;
    PollRegistration poll = new PollRegistration(request, receiver);
    Outbox out = new Outbox();
    synchronized (lock) {
      dispatch.poll(poll, parkMillis, out);
    }
    dispatch.deliver(out);
    return poll;
  }

  /** Forgets a parked poll whose caller went away; it will never take jobs. Idempotent. */
  public void cancel(PollRegistration poll) {
    synchronized (lock) {
      dispatch.unpark(poll);
    }
  }

  /**
   * Opens a stream: from now on jobs of the type that become activatable are pushed to it (and
   * to the type's other streams, round-robin). Jobs already waiting are pushed at once.
   */
  public StreamRegistration openStream(ActivationRequest request, JobReceiver receiver) {
    StreamRegistration stream = new StreamRegistration(request, receiver);
    Outbox out = new Outbox();
    synchronized (lock) {
      dispatch.open(stream, out);
    }
    dispatch.deliver(out);
    return stream;
  }

  /**
   * Tells the engine a stream can take jobs again (its transport drained its buffer): jobs waiting
   * for its type are pushed at once. Cheap and idempotent; call it from the transport's on-ready
   * callback.
   */
  public void streamReady(StreamRegistration stream) {
    Outbox out = new Outbox();
    synchronized (lock) {
      dispatch.ready(stream, out);
    }
    dispatch.deliver(out);
  }

  /** Closes a stream; its activated, unfinished jobs become activatable again at once. */
  public void closeStream(StreamRegistration stream) {
    Outbox out = new Outbox();
    synchronized (lock) {
      dispatch.close(stream, out);
    }
    dispatch.deliver(out);
  }

  /** Completes a job (ACTIVATABLE or ACTIVATED, as Zeebe accepts) and moves its instance on. */
  public void complete(long jobKey, Map<String, Object> variables) {
    Outbox out = new Outbox();
    synchronized (lock) {
      instances.advance(jobs.complete(jobKey, variables), out);
    }
    dispatch.deliver(out);
  }

  /**
   * Fails a job. Retries left: activatable again after the back-off. No retries left: an
   * incident; the job is never activated again.
   *
   * @param errorMessage why the job failed (kept by Zeebe for the incident; not kept here)
   */
  public void fail(
      long jobKey, int retries, String errorMessage, long retryBackOffMillis, Map<String, Object> variables) {
    Outbox out = new Outbox();
    synchronized (lock) {
      jobs.fail(jobKey, retries, retryBackOffMillis, variables, out);
    }
    dispatch.deliver(out);
  }

  /**
   * Throws a BPMN error; nothing catches it in the supported subset, so an incident is raised.
   * The code and message are not kept (no catch event can match them).
   */
  public void throwError(long jobKey, String errorCode, String errorMessage) {
    synchronized (lock) {
      jobs.throwError(jobKey);
    }
  }

  /** Sets a job's retries; they must be positive. */
  public void updateRetries(long jobKey, int retries) {
    if (retries < 1) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT, "Expected retries to be greater than zero, but was " + retries);
    }
    synchronized (lock) {
      jobs.updateRetries(jobKey, retries);
    }
  }

  /** Gives an activated job a new deadline {@code timeoutMillis} from now. */
  public void updateTimeout(long jobKey, long timeoutMillis) {
    synchronized (lock) {
      jobs.updateTimeout(jobKey, timeoutMillis);
    }
  }

  /** What the engine has done so far, all counts taken together. */
  public EngineCounters counters() {
    synchronized (lock) {
      return counters.snapshot();
    }
  }

  /** Answers every parked poll with no jobs and refuses new parking. Idempotent. */
  public void close() {
    List<PollRegistration> parked;
    synchronized (lock) {
      parked = dispatch.close();
    }
    for (PollRegistration poll : parked) {
      try {
        poll.receiver.deliver(List.of(), () -> {});
      } catch (RuntimeException e) {
        LOG.debug("could not end a parked poll", e);
      }
    }
  }

  /** A parked (or answered) poll. Its fields are guarded by the engine lock. */
  public static final class PollRegistration {
    final ActivationRequest request;
    final JobReceiver receiver;
    boolean done;
    Timers.Timer expiry;

    PollRegistration(ActivationRequest request, JobReceiver receiver) {
      this.request = request;
      this.receiver = receiver;
    }
  }

  /** An open stream and the jobs it holds. Its fields are guarded by the engine lock. */
  public static final class StreamRegistration {
    final ActivationRequest request;
    final JobReceiver receiver;
    final Set<Job> held = new HashSet<>();
    boolean closed;

    StreamRegistration(ActivationRequest request, JobReceiver receiver) {
      this.request = request;
      this.receiver = receiver;
    }
  }
}
