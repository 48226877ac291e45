package dev.switchboard.futwork.lead;

import dev.switchboard.core.mapping.FieldMapping;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds leads from a source record and a field mapping; see {@link WorkflowLead#from}. */
final class MappedLeads {

  static final String PHONE = "recipientPhoneNumber";
  static final String REFERENCE = "referenceId";

  private MappedLeads() {}

  /** The mapped values, or a MappingException listing every error; nothing partial escapes. */
  static Map<String, Object> apply(Object source, FieldMapping mapping) {
    return new LinkedHashMap<>(mapping.apply(source).valuesOrThrow());
  }

  /** Removes a lead field from the mapped values; it must have been mapped to a text value. */
  static String take(Map<String, Object> values, String field, FieldMapping mapping) {
    Object value = values.remove(field);
    if (value == null) {
      return null;
    }
    if (value instanceof CharSequence || value instanceof Number) {
      return value.toString();
    }
    throw new LeadValidationException(
        field,
        field
            + " must map to text, but mapping '"
            + mapping.name()
            + "' gave a "
            + value.getClass().getSimpleName());
  }
}
