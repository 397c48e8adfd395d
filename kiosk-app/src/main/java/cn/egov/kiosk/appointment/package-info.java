/**
 * Appointments (预约, issue 13), no screen here: the days a service can be booked, from the local
 * copy the down-sync keeps ({@link OpenDays}); booking with the kiosk's id, so that asking again is
 * harmless ({@link Booking}), and the confirmation it prints ({@link Confirmation}); the check-in
 * on the day, its window checked by the hall's clock before the platform is asked ({@link
 * CheckInWindow}), and its queue ticket, which carries the appointment's priority ({@link
 * CheckInDesk}); cancelling. The platform is reached through the {@link AppointmentPlatform} port,
 * which {@code sync} implements.
 */
package cn.egov.kiosk.appointment;
