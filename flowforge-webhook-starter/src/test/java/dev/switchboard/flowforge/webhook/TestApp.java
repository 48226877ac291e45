package dev.switchboard.flowforge.webhook;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** A plain web application with the starter and a recording listener. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(Recorder.class)
public class TestApp {}
