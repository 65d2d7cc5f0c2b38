package io.betapool.sample.web;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.RestClientException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the failures of the API into JSON answers: 400 naming the field for missing, malformed,
 * unknown or out-of-range input, 415 naming the content type expected, 503 when the executor's queue is
 * full, 502 when a backend call of the RAG pipeline fails. Other errors keep Spring's default handling.
 * Messages speak of JSON (numbers, texts, objects), never of the Java types behind them.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ApiError> invalidInput(InvalidInputException ex) {
		return badRequest(ex.getField(), ex.getReason());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException ex) {
		return badRequest(ex.getParameterName(), "is required");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> malformedParameter(MethodArgumentTypeMismatchException ex) {
		return badRequest(ex.getName(), "must be " + describe(ex.getRequiredType()) + ", but was '" + ex.getValue() + "'");
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadableBody(HttpMessageNotReadableException ex) {
		JacksonException json = findCause(ex, JacksonException.class);
		if (json == null) {
			return badRequest("body", "is required and must be a JSON document");
		}
		if (json instanceof StreamReadException syntax) {
			return badRequest("body", "is not valid JSON" + location(syntax) + ": " + firstClause(syntax.getOriginalMessage()));
		}
		String field = path(json.getPath());
		if (json instanceof PropertyBindingException unknown) {
			return badRequest(field, "is not a known field; the fields here are "
					+ unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
		}
		if (json instanceof InvalidFormatException invalid) {
			Class<?> type = invalid.getTargetType();
			String expected = (type != null && type.isEnum()) ? "one of " + enumValues(type) : describe(type);
			return badRequest(field, "must be " + expected + ", but was '" + invalid.getValue() + "'");
		}
		if (json instanceof MismatchedInputException mismatched) {
			return badRequest(field.isEmpty() ? "body" : field, "must be " + describe(mismatched.getTargetType()));
		}
		return badRequest(field.isEmpty() ? "body" : field, "cannot be read as the JSON expected here");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		List<MediaType> supported = ex.getSupportedMediaTypes();
		String expected = supported.isEmpty() ? MediaType.APPLICATION_JSON_VALUE
				: supported.stream().map(MediaType::toString).distinct().collect(Collectors.joining(" or "));
		MediaType actual = ex.getContentType();
		String was = (actual != null) ? "'" + actual + "'" : "absent";
		HttpStatus status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
		return ResponseEntity.status(status)
			.headers(ex.getHeaders())
			.body(new ApiError(status.getReasonPhrase(), "Content-Type", "must be " + expected + ", but was " + was));
	}

	@ExceptionHandler({ TaskRejectedException.class, RejectedExecutionException.class })
	ResponseEntity<ApiError> rejected(RuntimeException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.body(new ApiError(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase(), null,
					"The executor's queue is full; try again later"));
	}

	@ExceptionHandler(RestClientException.class)
	ResponseEntity<ApiError> backendFailed(RestClientException ex) {
		logger.warn("A backend call failed: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
			.body(new ApiError(HttpStatus.BAD_GATEWAY.getReasonPhrase(), null, "A backend call failed: " + ex.getMessage()));
	}

	private static ResponseEntity<ApiError> badRequest(String field, String message) {
		return ResponseEntity.badRequest().body(new ApiError(HttpStatus.BAD_REQUEST.getReasonPhrase(), field, message));
	}

	private static String location(JacksonException failure) {
		TokenStreamLocation location = failure.getLocation();
		return (location != null && location.getLineNr() > 0)
				? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
	}

	/**
	 * The message without the parser's parenthesised details of where it started reading.
	 */
	private static String firstClause(String message) {
		for (String detail : new String[] { " (start marker at", " (for ", "\n" }) {
			int at = message.indexOf(detail);
			if (at > 0) {
				message = message.substring(0, at);
			}
		}
		return message.strip();
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String describe(@Nullable Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "a whole number";
		}
		if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a text";
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		if (type.isEnum()) {
			return "one of " + enumValues(type);
		}
		return "an object";
	}

	private static String enumValues(Class<?> type) {
		return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
	}

	private static <T extends Throwable> @Nullable T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
