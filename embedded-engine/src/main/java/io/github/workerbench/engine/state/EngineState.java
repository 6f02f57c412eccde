package io.github.workerbench.engine.state;

import io.github.workerbench.engine.EngineCounters;
import io.github.workerbench.engine.bpmn.ProcessModel;
import io.github.workerbench.engine.bpmn.ProcessModelParser;
import io.github.workerbench.engine.bpmn.ServiceTask;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one state both protocols share: definitions, instances, jobs, parked polls and open
 * streams.
 *
 * <p>Every change happens under one lock; the operations are short (no I/O), so a single lock
 * keeps the rules simple and is far from the bottleneck. Whatever must reach a transport (jobs
 * for a poll or stream) is collected under the lock and delivered after it is released, so a slow
 * or dead client never blocks the engine. A delivery that fails puts its jobs back at once.
 *
 * <p>Per job type there is a FIFO queue of activatable jobs. A job becoming activatable is pushed
 * to the type's open streams that are ready for more (round-robin), else handed to the oldest
 * parked poll whose caller is still there. A stream whose transport buffer is full is skipped until
 * it reports ready again, so jobs never pile up in a slow stream's buffer while others could take
 * them.
 *
 * <p>Activation deadlines live in one ordered set swept by a single timer, so activating and
 * completing a job never touches the scheduler; retry back-offs and poll expiry use {@link Timers}
 * directly (one timer per failed job or parked poll, not per activation).
 *
 * <p>Thread-safe.
 */
public final class EngineState {

  /** Zeebe encodes the partition id in the top bits of a key; partition 1 starts here. */
  public static final long FIRST_KEY = (1L << 51) + 1;

  /** Zeebe's gateway default when a poll asks for request timeout 0. */
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger("workerbench.engine");

  /**
   * Jobs one dispatch pass pushes to streams before handing the rest to a fresh pass outside the
   * lock, so one burst (a stream opening onto a full queue) never holds the lock for long.
   */
  private static final int STREAM_BATCH = 256;

  /** Earliest deadline first; the key breaks ties so distinct jobs never compare equal. */
  private static final Comparator<Job> BY_DEADLINE =
      Comparator.comparingLong((Job job) -> job.deadline).thenComparingLong(job -> job.key);

  private final Object lock = new Object();
  private final Timers timers;
  private final LongSupplier clock;
  private final ProcessModelParser parser = new ProcessModelParser();

  private long nextKey = FIRST_KEY;
  private final Map<String, List<ProcessDefinition>> definitionsById = new HashMap<>();
  private final Map<Long, ProcessDefinition> definitionsByKey = new HashMap<>();
  private final Map<Long, ProcessInstance> instances = new LinkedHashMap<>();
  private final Map<Long, Job> jobs = new HashMap<>();
  private final Map<String, TypeQueue> queues = new HashMap<>();
  private final TreeSet<Job> deadlines = new TreeSet<>(BY_DEADLINE);
  /** The deadline the sweep timer is set for, or Long.MAX_VALUE when none is set. */
  private long sweepAt = Long.MAX_VALUE;
  private Timers.Timer sweep;
  /** Identifies the armed sweep; a sweep that was replaced while it waited for the lock ends. */
  private long sweepGeneration;
  private boolean closed;

  private long instancesCreated;
  private long instancesCompleted;
  private long instancesCanceled;
  private long jobsCreated;
  private long jobsActivated;
  private long jobsCompleted;
  private long jobsFailed;
  private long jobsTimedOut;
  private long jobsReturned;
  private long errorsThrown;
  private long incidents;

  /**
   * @param timers runs timers; the caller owns whatever executes them and shuts it down
   * @param clock epoch milliseconds; deadlines and dates are read from it only
   */
  public EngineState(Timers timers, LongSupplier clock) {
    this.timers = timers;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- deployment and instances

  /**
   * Deploys BPMN resources. A resource whose bytes equal the latest version of its process keeps
   * that version; otherwise it becomes the next version.
   *
   * @throws CommandRejectedException INVALID_ARGUMENT for an empty deployment or an unsupported
   *     model (the message names the element)
   */
  public DeploymentInfo deploy(List<DeploymentResource> resources) {
    if (resources.isEmpty()) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT, "Expected to deploy at least one resource, but none given");
    }
    List<ProcessModel> models = new ArrayList<>();
    for (DeploymentResource resource : resources) {
      if (!resource.name().endsWith(".bpmn") && !resource.name().endsWith(".xml")) {
        throw new CommandRejectedException(
            RejectionType.INVALID_ARGUMENT,
            "Expected to deploy BPMN resources (.bpmn or .xml), but got '" + resource.name() + "'");
      }
      try {
        models.add(parser.parse(resource.name(), resource.content()));
      } catch (IllegalArgumentException e) {
        throw new CommandRejectedException(
            RejectionType.INVALID_ARGUMENT,
            "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': " + e.getMessage());
      }
    }
    synchronized (lock) {
      long deploymentKey = nextKey++;
      List<ProcessDefinitionInfo> infos = new ArrayList<>();
      for (int i = 0; i < resources.size(); i++) {
        DeploymentResource resource = resources.get(i);
        ProcessModel model = models.get(i);
        List<ProcessDefinition> versions =
            definitionsById.computeIfAbsent(model.bpmnProcessId(), id -> new ArrayList<>());
        ProcessDefinition latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (latest != null && Arrays.equals(latest.content(), resource.content())) {
          infos.add(latest.info());
          continue;
        }
        ProcessDefinition definition =
            new ProcessDefinition(
                nextKey++, versions.size() + 1, resource.name(), resource.content(), model);
        versions.add(definition);
        definitionsByKey.put(definition.key(), definition);
        infos.add(definition.info());
      }
      return new DeploymentInfo(deploymentKey, infos);
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
   * Creates an instance and returns a future completed with its final state when it completes
   * (exceptionally with NOT_FOUND-free {@link CommandRejectedException} INVALID_STATE if it is
   * canceled). The caller applies its own timeout.
   */
  public CompletableFuture<ProcessInstanceView> createInstanceAwaitingResult(
      long processDefinitionKey, String bpmnProcessId, int version, Map<String, Object> variables) {
    CompletableFuture<ProcessInstanceView> result = new CompletableFuture<>();
    create(processDefinitionKey, bpmnProcessId, version, variables, result);
    return result;
  }

  private ProcessInstanceView create(
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      Map<String, Object> variables,
      CompletableFuture<ProcessInstanceView> waiter) {
    List<Delivery> deliveries = new ArrayList<>();
    ProcessInstanceView view;
    synchronized (lock) {
      ProcessDefinition definition = findDefinition(processDefinitionKey, bpmnProcessId, version);
      ProcessInstance instance =
          new ProcessInstance(nextKey++, definition, Instant.ofEpochMilli(clock.getAsLong()));
      if (variables != null) {
        instance.variables.putAll(variables);
      }
      if (waiter != null) {
        instance.addResultWaiter(waiter);
      }
      instances.put(instance.key, instance);
      instancesCreated++;
      view = instance.view();
      advance(instance, deliveries);
    }
    deliver(deliveries);
    return view;
  }

  private ProcessDefinition findDefinition(long key, String bpmnProcessId, int version) {
    if (key > 0) {
      ProcessDefinition definition = definitionsByKey.get(key);
      if (definition == null) {
        throw new CommandRejectedException(
            RejectionType.NOT_FOUND,
            "Expected to find process definition with key '" + key + "', but none found");
      }
      return definition;
    }
    if (bpmnProcessId == null || bpmnProcessId.isBlank()) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT,
          "Expected a process definition key or a BPMN process id, but neither was given");
    }
    List<ProcessDefinition> versions = definitionsById.get(bpmnProcessId);
    if (versions == null || versions.isEmpty()) {
      throw new CommandRejectedException(
          RejectionType.NOT_FOUND,
          "Expected to find process definition with process ID '"
              + bpmnProcessId
              + "', but none found");
    }
    if (version <= 0) {
      return versions.get(versions.size() - 1);
    }
    if (version > versions.size()) {
      throw new CommandRejectedException(
          RejectionType.NOT_FOUND,
          "Expected to find process definition with process ID '"
              + bpmnProcessId
              + "' and version '"
              + version
              + "', but none found");
    }
    return versions.get(version - 1);
  }

  /** Cancels an active instance and removes its job. */
  public void cancelInstance(long processInstanceKey) {
    List<CompletableFuture<ProcessInstanceView>> waiters;
    synchronized (lock) {
      ProcessInstance instance = instances.get(processInstanceKey);
      if (instance == null || instance.state != InstanceState.ACTIVE) {
        throw new CommandRejectedException(
            RejectionType.NOT_FOUND,
            "Expected to cancel a process instance with key '"
                + processInstanceKey
                + "', but no such process was found");
      }
      Job job = instance.currentJob;
      if (job != null) {
        removeJob(job);
      }
      instance.currentJob = null;
      instance.state = InstanceState.TERMINATED;
      instance.endDate = Instant.ofEpochMilli(clock.getAsLong());
      instancesCanceled++;
      waiters = instance.resultWaiters;
      instance.resultWaiters = null;
    }
    if (waiters != null) {
      CommandRejectedException canceled =
          new CommandRejectedException(
              RejectionType.INVALID_STATE,
              "Expected to complete process instance '"
                  + processInstanceKey
                  + "', but it was canceled");
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
      List<ProcessInstanceView> result = new ArrayList<>();
      if (processInstanceKey != null) {
        ProcessInstance instance = instances.get(processInstanceKey);
        if (instance != null && (state == null || instance.state == state)) {
          result.add(instance.view());
        }
        return result;
      }
      for (ProcessInstance instance : instances.values()) {
        if (state == null || instance.state == state) {
          result.add(instance.view());
        }
      }
      return result;
    }
  }

  /** Moves a token on: to the next service task (creating its job) or to the end. */
  private void advance(ProcessInstance instance, List<Delivery> deliveries) {
    instance.taskIndex++;
    List<ServiceTask> tasks = instance.definition.model().tasks();
    if (instance.taskIndex >= tasks.size()) {
      instance.currentJob = null;
      instance.state = InstanceState.COMPLETED;
      instance.endDate = Instant.ofEpochMilli(clock.getAsLong());
      instancesCompleted++;
      if (instance.resultWaiters != null) {
        ProcessInstanceView view = instance.view();
        List<CompletableFuture<ProcessInstanceView>> waiters = instance.resultWaiters;
        instance.resultWaiters = null;
        // completed outside the lock by the delivery step, so waiters never run under it
        deliveries.add(new Delivery(null, List.of(), null, () -> waiters.forEach(w -> w.complete(view))));
      }
      return;
    }
    ServiceTask task = tasks.get(instance.taskIndex);
    long elementInstanceKey = nextKey++;
    Job job = new Job(nextKey++, task, instance, elementInstanceKey);
    jobs.put(job.key, job);
    instance.currentJob = job;
    jobsCreated++;
    makeActivatable(job, deliveries);
  }

  // ---------------------------------------------------------------- activation

  /**
   * Activates up to {@code request.maxJobs()} jobs for a poll. With jobs available (or {@code
   * requestTimeoutMillis < 0}) the receiver gets its answer at once; otherwise the poll parks
   * until jobs appear or the timeout passes, then gets an empty answer.
   *
   * @param requestTimeoutMillis how long to park; 0 means {@link #DEFAULT_REQUEST_TIMEOUT_MILLIS}
   * @return a handle the transport cancels when its caller goes away
   */
  public PollRegistration activate(
      ActivationRequest request, long requestTimeoutMillis, JobReceiver receiver) {
    if (request.maxJobs() < 1) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT,
          "Expected to activate at least 1 job, but maxJobsToActivate was " + request.maxJobs());
    }
    long parkMillis = requestTimeoutMillis == 0 ? DEFAULT_REQUEST_TIMEOUT_MILLIS : requestTimeoutMillis;
    PollRegistration poll = new PollRegistration(request, receiver);
    List<Delivery> deliveries = new ArrayList<>(1);
    synchronized (lock) {
      TypeQueue queue = queue(request.type());
      List<Job> taken = takeActivatable(queue, request.maxJobs());
      if (!taken.isEmpty() || parkMillis < 0 || closed) {
        poll.done = true;
        deliveries.add(activateAll(taken, request, receiver, null));
      } else {
        queue.polls.add(poll);
        poll.expiry = timers.schedule(() -> expire(poll), parkMillis);
      }
    }
    deliver(deliveries);
    return poll;
  }

  private void expire(PollRegistration poll) {
    synchronized (lock) {
      if (poll.done) {
        return;
      }
      poll.done = true;
      queue(poll.request.type()).polls.remove(poll);
    }
    poll.receiver.deliver(List.of(), () -> {});
  }

  /** Forgets a parked poll whose caller went away; it will never take jobs. Idempotent. */
  public void cancel(PollRegistration poll) {
    synchronized (lock) {
      if (poll.done) {
        return;
      }
      poll.done = true;
      queue(poll.request.type()).polls.remove(poll);
      if (poll.expiry != null) {
        poll.expiry.cancel();
      }
    }
  }

  /**
   * Opens a stream: from now on jobs of the type that become activatable are pushed to it (and
   * to the type's other streams, round-robin). Jobs already waiting are pushed at once.
   */
  public StreamRegistration openStream(ActivationRequest request, JobReceiver receiver) {
    StreamRegistration stream = new StreamRegistration(request, receiver);
    List<Delivery> deliveries = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        stream.closed = true;
        return stream;
      }
      TypeQueue queue = queue(request.type());
      queue.streams.add(stream);
      dispatch(queue, deliveries);
    }
    deliver(deliveries);
    return stream;
  }

  /**
   * Tells the engine a stream can take jobs again (its transport drained its buffer): jobs waiting
   * for its type are pushed at once. Cheap and idempotent; call it from the transport's on-ready
   * callback.
   */
  public void streamReady(StreamRegistration stream) {
    List<Delivery> deliveries = new ArrayList<>();
    synchronized (lock) {
      if (stream.closed) {
        return;
      }
      TypeQueue queue = queue(stream.request.type());
      if (queue.activatable.isEmpty()) {
        return;
      }
      dispatch(queue, deliveries);
    }
    deliver(deliveries);
  }

  /** Closes a stream; its activated, unfinished jobs become activatable again at once. */
  public void closeStream(StreamRegistration stream) {
    List<Delivery> deliveries = new ArrayList<>();
    synchronized (lock) {
      if (stream.closed) {
        return;
      }
      stream.closed = true;
      TypeQueue queue = queue(stream.request.type());
      queue.streams.remove(stream);
      for (Job job : new ArrayList<>(stream.held)) {
        if (job.state == JobState.ACTIVATED && !job.removed) {
          jobsReturned++;
          makeActivatable(job, deliveries);
        }
      }
      stream.held.clear();
    }
    deliver(deliveries);
  }

  // ---------------------------------------------------------------- job commands

  /** Completes a job (ACTIVATABLE or ACTIVATED, as Zeebe accepts) and moves its instance on. */
  public void complete(long jobKey, Map<String, Object> variables) {
    List<Delivery> deliveries = new ArrayList<>(1);
    synchronized (lock) {
      Job job = checkedJob(jobKey, "complete");
      ProcessInstance instance = job.instance;
      removeJob(job);
      jobsCompleted++;
      if (variables != null) {
        instance.variables.putAll(variables);
      }
      advance(instance, deliveries);
    }
    deliver(deliveries);
  }

  /**
   * Fails a job. Retries left: activatable again after the back-off. No retries left: an
   * incident; the job is never activated again.
   */
  public void fail(
      long jobKey, int retries, String errorMessage, long retryBackOffMillis, Map<String, Object> variables) {
    List<Delivery> deliveries = new ArrayList<>(1);
    synchronized (lock) {
      Job job = checkedJob(jobKey, "fail");
      leaveActivation(job);
      jobsFailed++;
      job.retries = retries;
      if (variables != null) {
        job.instance.variables.putAll(variables);
      }
      if (retries <= 0) {
        job.state = JobState.FAILED;
        raiseIncident(job);
      } else if (retryBackOffMillis > 0) {
        job.state = JobState.FAILED;
        long activation = job.activation;
        job.backOff = timers.schedule(() -> recur(job, activation), retryBackOffMillis);
      } else {
        makeActivatable(job, deliveries);
      }
    }
    deliver(deliveries);
  }

  private void recur(Job job, long activation) {
    List<Delivery> deliveries = new ArrayList<>(1);
    synchronized (lock) {
      if (job.removed || job.state != JobState.FAILED || job.activation != activation || job.retries <= 0) {
        return;
      }
      job.backOff = null;
      makeActivatable(job, deliveries);
    }
    deliver(deliveries);
  }

  /** Throws a BPMN error; nothing catches it in the supported subset, so an incident is raised. */
  public void throwError(long jobKey, String errorCode, String errorMessage) {
    synchronized (lock) {
      Job job = checkedJob(jobKey, "throw an error for");
      leaveActivation(job);
      errorsThrown++;
      job.state = JobState.ERROR_THROWN;
      raiseIncident(job);
    }
  }

  /** Sets a job's retries; they must be positive. */
  public void updateRetries(long jobKey, int retries) {
    if (retries < 1) {
      throw new CommandRejectedException(
          RejectionType.INVALID_ARGUMENT,
          "Expected retries to be greater than zero, but was " + retries);
    }
    synchronized (lock) {
      Job job = jobs.get(jobKey);
      if (job == null) {
        throw notFound("update retries of", jobKey);
      }
      job.retries = retries;
    }
  }

  /** Gives an activated job a new deadline {@code timeoutMillis} from now. */
  public void updateTimeout(long jobKey, long timeoutMillis) {
    synchronized (lock) {
      Job job = jobs.get(jobKey);
      if (job == null) {
        throw notFound("update the timeout of", jobKey);
      }
      if (job.state != JobState.ACTIVATED) {
        throw new CommandRejectedException(
            RejectionType.INVALID_STATE,
            "Expected to update the timeout of job with key '"
                + jobKey
                + "', but it is in state '"
                + job.state
                + "'");
      }
      untime(job);
      job.deadline = clock.getAsLong() + timeoutMillis;
      time(job);
    }
  }

  private Job checkedJob(long jobKey, String intent) {
    Job job = jobs.get(jobKey);
    if (job == null) {
      throw notFound(intent, jobKey);
    }
    if (job.state != JobState.ACTIVATABLE && job.state != JobState.ACTIVATED) {
      throw new CommandRejectedException(
          RejectionType.INVALID_STATE,
          "Expected to " + intent + " job with key '" + jobKey + "', but it is in state '" + job.state + "'");
    }
    return job;
  }

  private static CommandRejectedException notFound(String intent, long jobKey) {
    return new CommandRejectedException(
        RejectionType.NOT_FOUND,
        "Expected to " + intent + " job with key '" + jobKey + "', but no such job was found");
  }

  private void raiseIncident(Job job) {
    incidents++;
    job.instance.hasIncident = true;
  }

  private void removeJob(Job job) {
    leaveActivation(job);
    job.removed = true;
    jobs.remove(job.key);
  }

  /** Ends the current activation's bookkeeping: its deadline, back-off and its stream's claim. */
  private void leaveActivation(Job job) {
    untime(job);
    if (job.backOff != null) {
      job.backOff.cancel();
      job.backOff = null;
    }
    if (job.stream != null) {
      job.stream.held.remove(job);
      job.stream = null;
    }
  }

  /** Enters an activated job's deadline into the set, moving the sweep earlier if needed. */
  private void time(Job job) {
    job.timed = true;
    deadlines.add(job);
    if (job.deadline < sweepAt) {
      armSweep(job.deadline);
    }
  }

  /** Takes a job out of the deadline set (before its deadline changes). The sweep stays armed. */
  private void untime(Job job) {
    if (job.timed) {
      deadlines.remove(job);
      job.timed = false;
    }
  }

  private void armSweep(long at) {
    if (sweep != null) {
      sweep.cancel();
    }
    sweepAt = at;
    long generation = ++sweepGeneration;
    sweep = timers.schedule(() -> sweepDeadlines(generation), at - clock.getAsLong());
  }

  /** Times out every activation whose deadline has passed, then re-arms for the next one. */
  private void sweepDeadlines(long generation) {
    List<Delivery> deliveries = new ArrayList<>();
    synchronized (lock) {
      if (generation != sweepGeneration) {
        return;
      }
      sweep = null;
      sweepAt = Long.MAX_VALUE;
      long now = clock.getAsLong();
      while (!deadlines.isEmpty() && deadlines.first().deadline <= now) {
        Job job = deadlines.pollFirst();
        job.timed = false;
        jobsTimedOut++;
        LOG.debug("job {} timed out (worker '{}')", job.key, job.worker);
        makeActivatable(job, deliveries);
      }
      if (!deadlines.isEmpty() && !closed) {
        armSweep(deadlines.first().deadline);
      }
    }
    deliver(deliveries);
  }

  // ---------------------------------------------------------------- dispatch

  private TypeQueue queue(String type) {
    return queues.computeIfAbsent(type, t -> new TypeQueue());
  }

  private void makeActivatable(Job job, List<Delivery> deliveries) {
    leaveActivation(job);
    job.state = JobState.ACTIVATABLE;
    job.worker = "";
    job.deadline = 0;
    TypeQueue queue = queue(job.task.jobType());
    if (!job.queued) {
      job.queued = true;
      queue.activatable.add(job);
    }
    dispatch(queue, deliveries);
  }

  /**
   * Hands the type's activatable jobs to its ready streams (round-robin, one job per turn, each
   * stream's share sent as one delivery), else to its oldest live parked polls.
   */
  private void dispatch(TypeQueue queue, List<Delivery> deliveries) {
    if (!queue.streams.isEmpty()) {
      Map<StreamRegistration, List<Job>> pushed = null;
      // a stream reporting not ready stops taking jobs for this round: at most this many turns
      int budget = STREAM_BATCH;
      while (budget-- > 0 && !queue.activatable.isEmpty()) {
        StreamRegistration stream = queue.nextReadyStream();
        if (stream == null) {
          break;
        }
        List<Job> one = takeActivatable(queue, 1);
        if (one.isEmpty()) {
          break;
        }
        if (pushed == null) {
          pushed = new IdentityHashMap<>();
        }
        pushed.computeIfAbsent(stream, s -> new ArrayList<>()).add(one.get(0));
      }
      if (pushed != null) {
        pushed.forEach((stream, jobs) -> deliveries.add(activateAll(jobs, stream.request, stream.receiver, stream)));
      }
      if (budget < 0 && !queue.activatable.isEmpty() && queue.nextReadyStream() != null) {
        // more than one round's worth: the rest goes out from the delivering thread's next pass
        deliveries.add(new Delivery(null, List.of(), null, () -> redispatch(queue)));
        return;
      }
    }
    while (!queue.activatable.isEmpty()) {
      PollRegistration poll = queue.polls.peek();
      if (poll == null) {
        return;
      }
      if (poll.done || !poll.receiver.isAlive()) {
        queue.polls.poll();
        cancelExpiry(poll);
        continue;
      }
      List<Job> taken = takeActivatable(queue, poll.request.maxJobs());
      if (taken.isEmpty()) {
        return;
      }
      queue.polls.poll();
      cancelExpiry(poll);
      deliveries.add(activateAll(taken, poll.request, poll.receiver, null));
    }
  }

  private void redispatch(TypeQueue queue) {
    List<Delivery> deliveries = new ArrayList<>();
    synchronized (lock) {
      dispatch(queue, deliveries);
    }
    deliver(deliveries);
  }

  private static void cancelExpiry(PollRegistration poll) {
    poll.done = true;
    if (poll.expiry != null) {
      poll.expiry.cancel();
    }
  }

  private static List<Job> takeActivatable(TypeQueue queue, int max) {
    List<Job> taken = new ArrayList<>(Math.min(max, 32));
    while (taken.size() < max) {
      Job job = queue.activatable.poll();
      if (job == null) {
        break;
      }
      job.queued = false;
      // stale entries: the job left ACTIVATABLE (completed, failed, canceled) while queued
      if (!job.removed && job.state == JobState.ACTIVATABLE) {
        taken.add(job);
      }
    }
    return taken;
  }

  private Delivery activateAll(
      List<Job> taken, ActivationRequest request, JobReceiver receiver, StreamRegistration stream) {
    long now = clock.getAsLong();
    List<ActivatedJobData> data = new ArrayList<>(taken.size());
    long[] activations = new long[taken.size()];
    for (int i = 0; i < taken.size(); i++) {
      Job job = taken.get(i);
      job.state = JobState.ACTIVATED;
      job.activation++;
      job.worker = request.worker();
      job.deadline = now + request.timeoutMillis();
      long activation = job.activation;
      time(job);
      if (stream != null) {
        job.stream = stream;
        stream.held.add(job);
      }
      activations[i] = activation;
      jobsActivated++;
      data.add(snapshot(job, request));
    }
    return new Delivery(receiver, taken, activations, data, null);
  }

  private static ActivatedJobData snapshot(Job job, ActivationRequest request) {
    Map<String, Object> variables;
    if (request.fetchVariables().isEmpty()) {
      variables = new LinkedHashMap<>(job.instance.variables);
    } else {
      variables = new LinkedHashMap<>();
      for (String name : request.fetchVariables()) {
        if (job.instance.variables.containsKey(name)) {
          variables.put(name, job.instance.variables.get(name));
        }
      }
    }
    ProcessDefinition definition = job.instance.definition;
    return new ActivatedJobData(
        job.key,
        job.task.jobType(),
        job.instance.key,
        definition.model().bpmnProcessId(),
        definition.version(),
        definition.key(),
        job.task.elementId(),
        job.elementInstanceKey,
        job.task.headers(),
        job.worker,
        job.retries,
        job.deadline,
        variables);
  }

  /** Runs deliveries outside the lock; jobs a receiver could not take are put back at once. */
  private void deliver(List<Delivery> deliveries) {
    while (!deliveries.isEmpty()) {
      List<Delivery> retry = new ArrayList<>();
      for (Delivery delivery : deliveries) {
        if (delivery.action != null) {
          delivery.action.run();
          continue;
        }
        boolean ok;
        try {
          ok = delivery.receiver.deliver(delivery.data, () -> giveBack(delivery));
        } catch (RuntimeException e) {
          LOG.debug("delivery failed", e);
          ok = false;
        }
        if (!ok) {
          takeBack(delivery, retry);
        }
      }
      deliveries = retry;
    }
  }

  /** A delivery that failed after its receiver accepted it: its jobs are activatable again. */
  private void giveBack(Delivery delivery) {
    List<Delivery> retry = new ArrayList<>();
    takeBack(delivery, retry);
    deliver(retry);
  }

  private void takeBack(Delivery delivery, List<Delivery> retry) {
    if (delivery.jobs.isEmpty()) {
      return;
    }
    synchronized (lock) {
      for (int i = 0; i < delivery.jobs.size(); i++) {
        Job job = delivery.jobs.get(i);
        // only this very activation: a job completed, timed out or re-activated since is left be
        if (!job.removed
            && job.state == JobState.ACTIVATED
            && job.activation == delivery.activations[i]) {
          jobsReturned++;
          makeActivatable(job, retry);
        }
      }
    }
  }

  // ---------------------------------------------------------------- lifecycle

  /** What the engine has done so far, all counts taken together. */
  public EngineCounters counters() {
    synchronized (lock) {
      return new EngineCounters(
          instancesCreated,
          instancesCompleted,
          instancesCanceled,
          jobsCreated,
          jobsActivated,
          jobsCompleted,
          jobsFailed,
          jobsTimedOut,
          jobsReturned,
          errorsThrown,
          incidents);
    }
  }

  /** Answers every parked poll with no jobs and refuses new parking. Idempotent. */
  public void close() {
    List<PollRegistration> parked = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      for (TypeQueue queue : queues.values()) {
        for (PollRegistration poll : queue.polls) {
          cancelExpiry(poll);
          parked.add(poll);
        }
        queue.polls.clear();
      }
    }
    for (PollRegistration poll : parked) {
      try {
        poll.receiver.deliver(List.of(), () -> {});
      } catch (RuntimeException e) {
        LOG.debug("could not end a parked poll", e);
      }
    }
  }

  // ---------------------------------------------------------------- internal types

  private static final class TypeQueue {
    final ArrayDeque<Job> activatable = new ArrayDeque<>();
    final ArrayDeque<PollRegistration> polls = new ArrayDeque<>();
    final List<StreamRegistration> streams = new ArrayList<>();
    int nextStream;

    /** The next stream, round-robin, that is open, alive and ready for more; null if none. */
    StreamRegistration nextReadyStream() {
      for (int tried = 0; tried < streams.size(); tried++) {
        nextStream = nextStream >= streams.size() - 1 ? 0 : nextStream + 1;
        StreamRegistration stream = streams.get(nextStream);
        if (!stream.closed && stream.receiver.isAlive() && stream.receiver.isReady()) {
          return stream;
        }
      }
      return null;
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

  private record Delivery(
      JobReceiver receiver,
      List<Job> jobs,
      long[] activations,
      List<ActivatedJobData> data,
      Runnable action) {

    Delivery(JobReceiver receiver, List<Job> jobs, long[] activations, Runnable action) {
      this(receiver, jobs, activations, List.of(), action);
    }
  }
}
