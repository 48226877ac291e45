package dev.switchboard.core.mapping.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.json.internal.Json;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled source path such as {@code customer.address.city} or {@code items[0].sku}, read from
 * maps, lists and arrays, Jackson trees, records and JavaBeans/POJOs. Immutable.
 *
 * <p>On a map, the whole remaining path is tried as a literal key first, so a flat map with a key
 * {@code "customer.email"} is read too. On a record or POJO, a segment matches a record component,
 * a getter ({@code getX}/{@code isX}), a fluent accessor or a public field by its name, by the
 * camelCase form of a snake_case name ({@code customer_email} reads {@code customerEmail}), or by
 * its {@code @JsonProperty} name.
 */
final class SourcePath {

  private final String text;
  private final List<String> segments;
  private final List<String> remainders;

  private SourcePath(String text, List<String> segments) {
    this.text = text;
    this.segments = List.copyOf(segments);
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      rest.add(String.join(".", segments.subList(i, segments.size())));
    }
    this.remainders = List.copyOf(rest);
  }

  /**
   * Parses a path.
   *
   * @return the path
   * @throws IllegalArgumentException with a short reason when the path is malformed
   */
  static SourcePath parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a source path must not be blank");
    }
    List<String> segments = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    boolean afterIndex = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        if (current.length() == 0 && !afterIndex) {
          throw new IllegalArgumentException("source path '" + text + "' has an empty segment");
        }
        if (current.length() > 0) {
          segments.add(current.toString());
          current.setLength(0);
        }
        afterIndex = false;
        i++;
      } else if (c == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("source path '" + text + "' has an unclosed '['");
        }
        String index = text.substring(i + 1, close);
        if (!index.matches("[0-9]+")) {
          throw new IllegalArgumentException(
              "source path '" + text + "' has a non-numeric index [" + index + "]");
        }
        if (current.length() > 0) {
          segments.add(current.toString());
          current.setLength(0);
        } else if (segments.isEmpty() && i > 0) {
          throw new IllegalArgumentException("source path '" + text + "' has an empty segment");
        }
        segments.add(index);
        afterIndex = true;
        i = close + 1;
        if (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
          throw new IllegalArgumentException(
              "source path '" + text + "' needs a '.' after an index");
        }
      } else {
        current.append(c);
        afterIndex = false;
        i++;
      }
    }
    if (current.length() > 0) {
      segments.add(current.toString());
    } else if (!afterIndex) {
      throw new IllegalArgumentException("source path '" + text + "' has an empty segment");
    }
    return new SourcePath(text, segments);
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * Reads the value at this path; null when any step is missing or null. Jackson nodes come back as
   * plain Java values (text, numbers, booleans, maps and lists).
   */
  Object read(Object root) {
    Object current = root;
    for (int i = 0; i < segments.size(); i++) {
      current = unwrap(current);
      if (current == null) {
        return null;
      }
      if (current instanceof Map<?, ?> map) {
        if (i < segments.size() - 1 && map.containsKey(remainders.get(i))) {
          return plain(map.get(remainders.get(i)));
        }
        current = map.get(segments.get(i));
      } else {
        current = step(current, segments.get(i));
      }
    }
    return plain(unwrap(current));
  }

  private static Object unwrap(Object value) {
    if (value instanceof Optional<?> optional) {
      return optional.orElse(null);
    }
    return value;
  }

  private static Object step(Object current, String segment) {
    if (current instanceof JsonNode node) {
      if (node.isArray()) {
        return isIndex(segment) ? node.get(Integer.parseInt(segment)) : null;
      }
      return node.isObject() ? node.get(segment) : null;
    }
    if (current instanceof List<?> list) {
      if (!isIndex(segment)) {
        return null;
      }
      int index = Integer.parseInt(segment);
      return index < list.size() ? list.get(index) : null;
    }
    if (current.getClass().isArray()) {
      if (!isIndex(segment)) {
        return null;
      }
      int index = Integer.parseInt(segment);
      return index < Array.getLength(current) ? Array.get(current, index) : null;
    }
    if (Text.isScalar(current)) {
      return null;
    }
    return property(current, segment);
  }

  private static boolean isIndex(String segment) {
    return segment.length() <= 9 && segment.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static Object plain(Object value) {
    if (value instanceof JsonNode node) {
      if (node.isNull() || node.isMissingNode()) {
        return null;
      }
      if (node.isTextual()) {
        return node.textValue();
      }
      if (node.isNumber()) {
        return node.numberValue();
      }
      if (node.isBoolean()) {
        return node.booleanValue();
      }
      return Json.mapper().convertValue(node, Object.class);
    }
    return value;
  }

  private static Object property(Object bean, String name) {
    Class<?> type = bean.getClass();
    String camel = camelCase(name);
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        Method accessor = component.getAccessor();
        if (component.getName().equals(name)
            || component.getName().equals(camel)
            || name.equals(jsonName(accessor))
            || name.equals(jsonName(fieldOf(type, component.getName())))) {
          return invoke(accessor, bean);
        }
      }
      return null;
    }
    for (String candidate : name.equals(camel) ? List.of(name) : List.of(name, camel)) {
      String capital = candidate.substring(0, 1).toUpperCase(Locale.ROOT) + candidate.substring(1);
      for (String methodName : List.of("get" + capital, "is" + capital, candidate)) {
        Method method = publicMethod(type, methodName);
        if (method != null) {
          return invoke(method, bean);
        }
      }
      Field field = publicField(type, candidate);
      if (field != null) {
        try {
          field.trySetAccessible();
          return field.get(bean);
        } catch (IllegalAccessException e) {
          return null;
        }
      }
    }
    for (Method method : type.getMethods()) {
      if (method.getParameterCount() == 0 && name.equals(jsonName(method))) {
        return invoke(method, bean);
      }
    }
    return null;
  }

  private static String camelCase(String name) {
    if (name.indexOf('_') < 0 && name.indexOf('-') < 0) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '_' || c == '-') {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static String jsonName(java.lang.reflect.AnnotatedElement element) {
    if (element == null) {
      return null;
    }
    JsonProperty property = element.getAnnotation(JsonProperty.class);
    return property == null || property.value().isEmpty() ? null : property.value();
  }

  private static Field fieldOf(Class<?> type, String name) {
    try {
      return type.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static Method publicMethod(Class<?> type, String name) {
    try {
      Method method = type.getMethod(name);
      if (method.getReturnType() == void.class
          || Modifier.isStatic(method.getModifiers())
          || method.getDeclaringClass() == Object.class) {
        return null;
      }
      return method;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Field publicField(Class<?> type, String name) {
    try {
      Field field = type.getField(name);
      return Modifier.isStatic(field.getModifiers()) ? null : field;
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static Object invoke(Method method, Object bean) {
    try {
      method.trySetAccessible();
      return method.invoke(bean);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw StepFailure.failed(
          "reading property '"
              + method.getName()
              + "' of "
              + bean.getClass().getSimpleName()
              + " failed");
    }
  }
}
