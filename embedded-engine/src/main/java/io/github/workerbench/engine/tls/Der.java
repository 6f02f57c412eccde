package io.github.workerbench.engine.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The few DER encodings (ITU-T X.690) an X.509 certificate needs: tag, length, value. Lengths use
 * the short form below 128 bytes and the long form above; integers are two's complement, minimal;
 * times are UTCTime before 2050 and GeneralizedTime from then on (RFC 5280 §4.1.2.5). Stateless.
 */
final class Der {

  static final int BOOLEAN = 0x01;
  static final int INTEGER = 0x02;
  static final int BIT_STRING = 0x03;
  static final int OCTET_STRING = 0x04;
  static final int OBJECT_IDENTIFIER = 0x06;
  static final int UTF8_STRING = 0x0c;
  static final int UTC_TIME = 0x17;
  static final int GENERALIZED_TIME = 0x18;
  static final int SEQUENCE = 0x30;
  static final int SET = 0x31;

  private static final DateTimeFormatter UTC_TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter GENERALIZED_TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Instant YEAR_2050 = Instant.parse("2050-01-01T00:00:00Z");

  private Der() {}

  /** One element: {@code tag}, the length of the contents, the contents in order. */
  static byte[] tlv(int tag, byte[]... contents) {
    ByteArrayOutputStream value = new ByteArrayOutputStream();
    for (byte[] content : contents) {
      value.writeBytes(content);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = value.size();
    if (length < 0x80) {
      out.write(length);
    } else {
      byte[] digits = BigInteger.valueOf(length).toByteArray();
      int skip = digits[0] == 0 ? 1 : 0;
      out.write(0x80 | (digits.length - skip));
      out.write(digits, skip, digits.length - skip);
    }
    out.writeBytes(value.toByteArray());
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... contents) {
    return tlv(SEQUENCE, contents);
  }

  static byte[] integer(BigInteger value) {
    return tlv(INTEGER, value.toByteArray());
  }

  static byte[] bool(boolean value) {
    return tlv(BOOLEAN, new byte[] {(byte) (value ? 0xff : 0x00)});
  }

  /** A bit string whose last {@code unusedBits} bits are padding. */
  static byte[] bitString(int unusedBits, byte[] bits) {
    byte[] content = new byte[bits.length + 1];
    content[0] = (byte) unusedBits;
    System.arraycopy(bits, 0, content, 1, bits.length);
    return tlv(BIT_STRING, content);
  }

  static byte[] octetString(byte[] bytes) {
    return tlv(OCTET_STRING, bytes);
  }

  static byte[] utf8(String text) {
    return tlv(UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] time(Instant instant) {
    return instant.isBefore(YEAR_2050)
        ? tlv(UTC_TIME, UTC_TIME_FORMAT.format(instant).getBytes(StandardCharsets.US_ASCII))
        : tlv(GENERALIZED_TIME, GENERALIZED_TIME_FORMAT.format(instant).getBytes(StandardCharsets.US_ASCII));
  }

  /** An object identifier in dotted form, e.g. {@code 2.5.29.17}. */
  static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      long arc = Long.parseLong(arcs[i]);
      // base 128, most significant group first, every group but the last with its high bit set
      int groups = 1;
      for (long rest = arc >>> 7; rest > 0; rest >>>= 7) {
        groups++;
      }
      for (int g = groups - 1; g >= 0; g--) {
        int group = (int) ((arc >>> (7 * g)) & 0x7f);
        out.write(g == 0 ? group : group | 0x80);
      }
    }
    return tlv(OBJECT_IDENTIFIER, out.toByteArray());
  }

  /** A context-specific tag: {@code [number]}, constructed or primitive. */
  static int context(int number, boolean constructed) {
    return 0x80 | (constructed ? 0x20 : 0) | number;
  }
}
