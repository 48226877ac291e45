package dev.switchboard.sandbox.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Gives a test context a sandbox when its test class (or an enclosing one) asks for one. */
class SandboxContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    SwitchboardSandbox annotation =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, SwitchboardSandbox.class);
    if (annotation == null) {
      return null;
    }
    return new SandboxContextCustomizer(
        annotation.seed(),
        annotation.minCallDelayMillis(),
        annotation.maxCallDelayMillis(),
        annotation.badDay());
  }
}
