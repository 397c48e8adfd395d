/**
 * What only the demo needs, kept out of a hall's installation: {@code ./kiosk platform-sim} and
 * the platform benchmark, found by kiosk-app through {@link java.util.ServiceLoader}. The embedded
 * platform of demo mode is the simulator's own provider ({@code platform-sim}).
 */
package cn.egov.kiosk.demo;
