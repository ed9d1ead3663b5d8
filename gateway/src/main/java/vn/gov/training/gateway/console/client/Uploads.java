package vn.gov.training.gateway.console.client;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/**
 * A service's client for the calls that send a file (imports, a results sheet, evidence): the service reads the
 * whole file before it answers (a 50,000-row workbook takes seconds), so these wait
 * {@code training.console.upload-timeout} instead of a page's {@code training.console.service-timeout}.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface Uploads {
}
