package dev.switchboard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/**
 * The public API (every public type outside an {@code internal} package of every published
 * artifact) names no Jackson type, so an application on Jackson 3 is never tied to Jackson 2
 * through it. Annotations are not part of a signature and are not checked.
 */
class PublicApiTest {

  @Test
  void noPublicSignatureNamesAJacksonType() throws Exception {
    List<Class<?>> types = publicTypes();
    assertThat(types).hasSizeGreaterThan(50); // every artifact's classes were found

    List<String> leaks = new ArrayList<>();
    for (Class<?> type : types) {
      try {
        checkSignatures(type, leaks);
      } catch (LinkageError optionalDependencyMissing) {
        leaks.add(type.getName() + " could not be read: " + optionalDependencyMissing);
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static void checkSignatures(Class<?> type, List<String> leaks) {
    {
      check(type, "extends", type.getGenericSuperclass(), leaks);
      for (Type implemented : type.getGenericInterfaces()) {
        check(type, "implements", implemented, leaks);
      }
      for (Method method : type.getDeclaredMethods()) {
        if (visible(method) && !method.isSynthetic()) {
          check(type, method.getName() + " returns", method.getGenericReturnType(), leaks);
          checkAll(type, method.getName(), method.getGenericParameterTypes(), leaks);
          checkAll(type, method.getName() + " throws", method.getGenericExceptionTypes(), leaks);
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (visible(constructor) && !constructor.isSynthetic()) {
          checkAll(type, "constructor", constructor.getGenericParameterTypes(), leaks);
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (visible(field) && !field.isSynthetic()) {
          check(type, field.getName(), field.getGenericType(), leaks);
        }
      }
    }
  }

  private static List<Class<?>> publicTypes() throws IOException, ClassNotFoundException {
    var factory = new SimpleMetadataReaderFactory();
    List<Class<?>> types = new ArrayList<>();
    for (Resource resource :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath*:dev/switchboard/**/*.class")) {
      String name = factory.getMetadataReader(resource).getClassMetadata().getClassName();
      if (name.contains(".internal.") || name.startsWith("dev.switchboard.docs.")) {
        continue;
      }
      Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
      if (publiclyReachable(type)) {
        types.add(type);
      }
    }
    return types;
  }

  private static boolean publiclyReachable(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(Member member) {
    return Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers());
  }

  private static void checkAll(Class<?> owner, String where, Type[] types, List<String> leaks) {
    Stream.of(types).forEach(t -> check(owner, where, t, leaks));
  }

  private static void check(Class<?> owner, String where, Type type, List<String> leaks) {
    if (type != null && type.getTypeName().contains("com.fasterxml.jackson")) {
      leaks.add(owner.getName() + " " + where + ": " + type.getTypeName());
    }
  }
}
