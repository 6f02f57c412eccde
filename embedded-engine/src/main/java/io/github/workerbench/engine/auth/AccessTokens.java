package io.github.workerbench.engine.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The opaque bearer tokens the engine issues and accepts. Each token is 256 random bits
 * (base64url), new on every issue: the Camunda client retries a refused call only when the token
 * it fetches again differs from the one refused, so a token endpoint that re-issued a token would
 * leave a client with an expired one failing. A token is valid from its issue until its lifetime
 * has passed; afterwards it is reported as expired (with when) for as long as it is remembered,
 * which is ten lifetimes, and as unknown after that.
 *
 * <p>Time comes from the {@link LongSupplier} clock (epoch milliseconds), so tests drive it.
 * Thread-safe: issue and check from any thread.
 */
public final class AccessTokens {

  /** What a token is worth now. */
  public enum Status {
    VALID,
    EXPIRED,
    UNKNOWN
  }

  /**
   * The outcome of checking one token.
   *
   * @param status valid, expired or unknown
   * @param expiredAt when an expired token stopped being valid; null otherwise
   */
  public record Check(Status status, Instant expiredAt) {}

  /**
   * A token just issued.
   *
   * @param token the opaque token to send as {@code Authorization: Bearer <token>}
   * @param expiresInSeconds its lifetime, as the token endpoint's {@code expires_in}
   */
  public record Issued(String token, long expiresInSeconds) {

    /** The lifetime; never the token. */
    @Override
    public String toString() {
      return "Issued[expiresInSeconds=" + expiresInSeconds + "]";
    }
  }

  private static final int REMEMBERED_LIFETIMES = 10;

  private final Duration lifetime;
  private final LongSupplier clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Long> expiryByToken = new ConcurrentHashMap<>();
  private final AtomicLong issued = new AtomicLong();

  /**
   * @param lifetime how long a token is valid, at least one second (the token endpoint reports
   *     whole seconds)
   * @param clock the time in epoch milliseconds
   */
  public AccessTokens(Duration lifetime, LongSupplier clock) {
    if (lifetime == null || lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException(
          "token lifetime must be a whole number of seconds, at least 1, but was " + lifetime);
    }
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** How long a token is valid. */
  public Duration lifetime() {
    return lifetime;
  }

  /** A new token, different from every one issued before, valid for {@link #lifetime()}. */
  public Issued issue() {
    long now = clock.getAsLong();
    forgetOld(now);
    byte[] bits = new byte[32];
    random.nextBytes(bits);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    expiryByToken.put(token, now + lifetime.toMillis());
    issued.incrementAndGet();
    return new Issued(token, lifetime.toSeconds());
  }

  /** Whether {@code token} was issued here and is still valid. */
  public Check check(String token) {
    Long expiry = token == null ? null : expiryByToken.get(token);
    if (expiry == null) {
      return new Check(Status.UNKNOWN, null);
    }
    if (clock.getAsLong() >= expiry) {
      return new Check(Status.EXPIRED, Instant.ofEpochMilli(expiry));
    }
    return new Check(Status.VALID, null);
  }

  /** How many tokens were issued since start. */
  public long issuedCount() {
    return issued.get();
  }

  private void forgetOld(long now) {
    long horizon = now - REMEMBERED_LIFETIMES * lifetime.toMillis();
    expiryByToken.values().removeIf(expiry -> expiry < horizon);
  }
}
