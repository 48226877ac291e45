package dev.switchboard.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "9999789877",
        "+919999789877",
        "+91 99997 89877",
        "919999789877",
        "09999789877",
        "(999) 978-9877",
        " 99997-89877 ",
        "+91-(999)-978 9877"
      })
  void acceptedFormsNormaliseToTenDigits(String raw) {
    assertThat(PhoneNumbers.toTenDigits(raw)).contains("9999789877");
    assertThat(PhoneNumbers.toE164(raw)).contains("+919999789877");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "12345",
        "999978987",
        "99997898771",
        "+14155550123",
        "9999.789.877",
        "99997898a7",
        "0091999978987",
        "९९९९७८९८७७",
        "+9199997898"
      })
  void otherFormsAreRefused(String raw) {
    assertThat(PhoneNumbers.toTenDigits(raw)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void nullIsRefused() {
    assertThat(PhoneNumbers.toTenDigits(null)).isEmpty();
  }
}
