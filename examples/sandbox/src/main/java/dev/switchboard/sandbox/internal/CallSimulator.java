package dev.switchboard.sandbox.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes up a plausible call for a lead from a seeded random source: disposition, duration,
 * transcript, collected data. The same lead and seed always give the same call.
 */
final class CallSimulator {

  private static final List<String> SLOTS = List.of("morning", "afternoon", "evening");
  private static final List<String> AGENTS = List.of("Asha", "Ravi", "Meera", "Kabir");
  private static final List<String> REASONS =
      List.of("price too high", "already purchased", "not needed now", "bad experience before");
  private static final List<String> CALLBACK_TIMES =
      List.of("tomorrow 11:00", "tomorrow 18:30", "Monday 10:00", "in two hours");

  private enum Scenario {
    INTERESTED("interested", 24),
    CONFIRMED("order_confirmed", 12),
    CALLBACK("callback_requested", 14),
    NOT_INTERESTED("not_interested", 14),
    WRONG_NUMBER("wrong_number", 5),
    VOICEMAIL("voicemail", 9),
    NO_ANSWER("no_answer", 16),
    BUSY("busy", 6);

    final String disposition;
    final int weight;

    Scenario(String disposition, int weight) {
      this.disposition = disposition;
      this.weight = weight;
    }
  }

  private CallSimulator() {}

  static SimulatedCall simulate(
      SplittableRandom random, Map<String, Object> recipientData, String reference) {
    String callId = uuid(random);
    Scenario scenario = pick(random);
    String name = name(recipientData);
    String agent = AGENTS.get(random.nextInt(AGENTS.size()));
    String ref = reference == null ? "your order" : "order " + reference;
    Map<String, Object> data = new LinkedHashMap<>();
    String transcript;
    double seconds;
    String intent = null;
    String stage = "postback_core";
    switch (scenario) {
      case INTERESTED -> {
        String slot = SLOTS.get(random.nextInt(SLOTS.size()));
        data.put("preferred_slot", slot);
        data.put("confirmed_address", "yes");
        seconds = between(random, 60, 240);
        intent = "SALES";
        transcript =
            lines(
                "assistant: Hello " + name + ", this is " + agent + " calling about " + ref + ".",
                "user: Yes, tell me.",
                "assistant: It is ready. When should we deliver it?",
                "user: The " + slot + " works best.",
                "assistant: Noted. Is your address the same as on the order?",
                "user: Yes, same address.",
                "assistant: Thank you " + name + ", have a great day!");
      }
      case CONFIRMED -> {
        data.put("confirmed_address", "yes");
        data.put("payment_mode", random.nextBoolean() ? "cash_on_delivery" : "prepaid");
        seconds = between(random, 45, 150);
        intent = "ORDER_CONFIRMATION";
        transcript =
            lines(
                "assistant: Hi " + name + ", " + agent + " here, confirming " + ref + ".",
                "user: Yes, I placed it.",
                "assistant: Shall we ship it to the address on file?",
                "user: Please do.",
                "assistant: Done. You will get a tracking link shortly.");
      }
      case CALLBACK -> {
        String when = CALLBACK_TIMES.get(random.nextInt(CALLBACK_TIMES.size()));
        data.put("callback_time", when);
        seconds = between(random, 20, 90);
        intent = "CALLBACK";
        stage = "callback_scheduled";
        transcript =
            lines(
                "assistant: Hello " + name + ", this is " + agent + " about " + ref + ".",
                "user: I'm busy right now, can you call later?",
                "assistant: Of course. When suits you?",
                "user: " + when + ".",
                "assistant: I'll call you " + when + ". Thank you!");
      }
      case NOT_INTERESTED -> {
        String reason = REASONS.get(random.nextInt(REASONS.size()));
        data.put("reason", reason);
        seconds = between(random, 15, 80);
        intent = "NOT_INTERESTED";
        transcript =
            lines(
                "assistant: Hello " + name + ", this is " + agent + " about " + ref + ".",
                "user: I'm not interested, " + reason + ".",
                "assistant: I understand. Thank you for your time.");
      }
      case WRONG_NUMBER -> {
        seconds = between(random, 5, 20);
        transcript =
            lines(
                "assistant: Hello, am I speaking with " + name + "?",
                "user: No, wrong number.",
                "assistant: Sorry for the trouble.");
      }
      case VOICEMAIL -> {
        seconds = between(random, 10, 30);
        stage = "attempts_exhausted";
        transcript =
            lines(
                "assistant: Hello "
                    + name
                    + ", this is "
                    + agent
                    + " about "
                    + ref
                    + ". Please call us back. Thank you.");
      }
      default -> {
        seconds = 0;
        stage = "attempts_exhausted";
        transcript = "";
      }
    }
    boolean connected = seconds > 0;
    String status =
        switch (scenario) {
          case NO_ANSWER -> "no-answer";
          case BUSY -> "busy";
          default -> "call-disconnected";
        };
    String recordingUrl =
        connected ? "https://recordings.example.com/sandbox/" + callId + ".mp3" : "";
    String hangupBy = connected ? (random.nextBoolean() ? "agent" : "customer") : null;
    String hangupReason = connected ? "normal_clearing" : scenario.disposition;
    String hangupProviderCode = connected ? "16" : (scenario == Scenario.BUSY ? "17" : "19");
    boolean retriedFirst = connected && random.nextDouble() < 0.3;
    return new SimulatedCall(
        callId,
        scenario.disposition,
        connected,
        status,
        stage,
        seconds,
        recordingUrl,
        transcript,
        data,
        intent,
        hangupBy,
        hangupReason,
        hangupProviderCode,
        retriedFirst);
  }

  static String uuid(SplittableRandom random) {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }

  static String objectId(SplittableRandom random) {
    StringBuilder id = new StringBuilder(24);
    for (int i = 0; i < 24; i++) {
      id.append(Character.forDigit(random.nextInt(16), 16));
    }
    return id.toString();
  }

  private static Scenario pick(SplittableRandom random) {
    int total = 0;
    for (Scenario s : Scenario.values()) {
      total += s.weight;
    }
    int roll = random.nextInt(total);
    for (Scenario s : Scenario.values()) {
      roll -= s.weight;
      if (roll < 0) {
        return s;
      }
    }
    return Scenario.NO_ANSWER;
  }

  private static String name(Map<String, Object> recipientData) {
    for (String field : List.of("customer_name", "name", "first_name")) {
      Object value = recipientData.get(field);
      if (value instanceof String s && !s.isBlank()) {
        return s;
      }
    }
    return "there";
  }

  private static double between(SplittableRandom random, int min, int max) {
    return min + random.nextInt((max - min) * 10 + 1) / 10.0;
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
