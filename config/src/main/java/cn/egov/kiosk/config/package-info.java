/**
 * The kiosk's configuration: one YAML file ({@code demo.yaml}, {@code hall-example.yaml}) read by
 * {@link cn.egov.kiosk.config.ConfigLoader} into one immutable, checked {@link
 * cn.egov.kiosk.config.KioskConfig}. A bad file stops start-up with a {@link
 * cn.egov.kiosk.config.ConfigException} that names the file, the line, the key and what was
 * expected, for every problem at once.
 */
package cn.egov.kiosk.config;
