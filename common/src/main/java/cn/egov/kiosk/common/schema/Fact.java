package cn.egov.kiosk.common.schema;

/**
 * A value one part of a file tells another while it is read, such as "this is a demo kiosk" for
 * the devices section, or the data folder for the platform section's default paths; also what the
 * reader brings from outside (the driver registry).
 *
 * @param <T> the value's type
 * @param name what it is, for messages of a bug
 */
public record Fact<T>(String name) {}
