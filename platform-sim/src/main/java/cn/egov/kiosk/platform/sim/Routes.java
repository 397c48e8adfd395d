package cn.egov.kiosk.platform.sim;

import cn.egov.kiosk.platform.api.Applications;
import cn.egov.kiosk.platform.api.Appointments;
import cn.egov.kiosk.platform.api.Audit;
import cn.egov.kiosk.platform.api.Batch;
import cn.egov.kiosk.platform.api.BusinessTypes;
import cn.egov.kiosk.platform.api.CreditCodes;
import cn.egov.kiosk.platform.api.Departments;
import cn.egov.kiosk.platform.api.Enterprise;
import cn.egov.kiosk.platform.api.Heartbeat;
import cn.egov.kiosk.platform.api.Json;
import cn.egov.kiosk.platform.api.Licences;
import cn.egov.kiosk.platform.api.Notices;
import cn.egov.kiosk.platform.api.Payments;
import cn.egov.kiosk.platform.api.PostalOrders;
import cn.egov.kiosk.platform.api.Problem;
import cn.egov.kiosk.platform.api.QueueNumbers;
import cn.egov.kiosk.platform.api.Registration;
import cn.egov.kiosk.platform.api.ServerTime;
import cn.egov.kiosk.platform.auth.Signature;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The contract's operations over the simulator's state. Each handler gets a checked {@link Call}
 * (signature verified, idempotency settled) and returns a {@link Reply} or throws a problem.
 */
final class Routes {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A route: method, path pattern, whether it is signed, whether it takes an idempotency key. */
  record Route(String method, Pattern path, boolean signed, boolean idempotent, Handler handler) {}

  @FunctionalInterface
  interface Handler {
    Reply handle(Call call) throws InterruptedException;
  }

  private final SimData data;
  private final Clock clock;
  private final ZoneId zone;
  private final SignatureCheck signatures;
  private final Ledger ledger;
  final CatalogueState catalogue;
  private final List<Route> routes = new ArrayList<>();

  private final Set<String> registrationCodes = ConcurrentHashMap.newKeySet();
  /** A code used: by which serial number, what it got, when. */
  private record UsedCode(String serialNumber, Registration.Issued issued, java.time.Instant at) {}

  /** Codes used: the kiosk that used one may ask again for a lost answer, within the replay window only. */
  private final Map<String, UsedCode> usedCodes = new ConcurrentHashMap<>();
  private final Duration registrationReplay;
  private final Map<String, String> queuePrefixes = new ConcurrentHashMap<>();
  private final AtomicLong kioskSeq = new AtomicLong();
  private final Map<String, AtomicLong> queueCounters = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> rangeCounters = new ConcurrentHashMap<>();
  private final Map<String, Integer> slotBookings = new ConcurrentHashMap<>();
  private final Map<String, Appointments.Appointment> appointments = new ConcurrentHashMap<>();
  private final Map<String, String> appointmentHolder = new ConcurrentHashMap<>();
  private final Map<String, Applications.Received> received = new ConcurrentHashMap<>();
  private final Map<String, List<Applications.Progress>> submittedBy = new ConcurrentHashMap<>();
  private final AtomicLong applicationSeq = new AtomicLong();
  private final Map<String, Payments.Payment> payments = new ConcurrentHashMap<>();
  private final Map<String, PostalOrders.Order> postalOrders = new ConcurrentHashMap<>();
  private final AtomicLong trackingSeq = new AtomicLong(1_178_000_000L);
  private final Map<String, Heartbeat> heartbeats = new ConcurrentHashMap<>();
  private volatile Optional<Duration> autoPay = Optional.empty();

  Routes(SimData data, Clock clock, ZoneId zone, SignatureCheck signatures, Ledger ledger, Duration registrationReplay) {
    this.registrationReplay = registrationReplay;
    this.data = data;
    this.clock = clock;
    this.zone = zone;
    this.signatures = signatures;
    this.ledger = ledger;
    this.catalogue = new CatalogueState(data.catalogue);
    route("GET", "/v1/time", false, false, c -> Reply.ok(new ServerTime(now(), clock.millis())));
    route("POST", "/v1/kiosks/registrations", false, false, this::register);
    route("POST", "/v1/kiosks/credentials/rotate", true, true, this::rotate);
    route("GET", "/v1/departments", true, false, c -> tagged(c, "dep-1", new Departments(1, data.departments)));
    route("GET", "/v1/notices", true, false, c -> tagged(c, "not-1", new Notices(1, data.notices)));
    route("GET", "/v1/business-types", true, false, c -> tagged(c, "bt-1", new BusinessTypes(1, data.businessTypes)));
    route("GET", "/v1/catalogue", true, false, this::cataloguePage);
    route("POST", "/v1/queue-numbers", true, true, this::queueNumber);
    route("POST", "/v1/queue-numbers/offline-ranges", true, true, this::offlineRange);
    route("GET", "/v1/appointment-slots", true, false, this::slots);
    route("GET", "/v1/appointment-availability", true, false, this::availability);
    route("POST", "/v1/appointments", true, true, this::book);
    route("POST", "/v1/appointments/search", true, false, this::searchAppointments);
    route("POST", "/v1/appointments/([^/]+)/check-in", true, false, this::checkIn);
    route("POST", "/v1/appointments/([^/]+)/cancel", true, false, this::cancel);
    route("POST", "/v1/attachments", true, true, this::attach);
    route("POST", "/v1/applications", true, true, c -> Reply.created(submit(c.kioskId(), c.body(Applications.Submit.class), "-", 0, c.path())));
    route("POST", "/v1/progress/search", true, false, this::progress);
    route("POST", "/v1/payments", true, true, this::createPayment);
    route("GET", "/v1/payments/([^/]+)", true, false, this::payment);
    route("POST", "/v1/payments/([^/]+)/card-result", true, false, this::cardResult);
    route("POST", "/v1/payments/([^/]+)/close", true, false, this::closePayment);
    route("POST", "/v1/licences/search", true, false, this::licences);
    route("GET", "/v1/licences/([^/]+)/print-data", true, false, this::printData);
    route("GET", "/v1/licences/verify/([^/]+)", true, false, this::verify);
    route("POST", "/v1/postal-orders", true, true, c -> Reply.created(postalOrder(c.kioskId(), c.body(PostalOrders.Create.class), "-", 0, c.path())));
    route("GET", "/v1/postal-orders/([^/]+)", true, false, this::postalOrderStatus);
    route("GET", "/v1/enterprises/([^/]+)", true, false, this::enterprise);
    route("POST", "/v1/audit-events", true, false, this::auditEvents);
    route("POST", "/v1/heartbeats", true, false, this::heartbeat);
    route("POST", "/v1/batch", true, false, this::batch);
  }

  private void route(String method, String path, boolean signed, boolean idempotent, Handler h) {
    routes.add(new Route(method, Pattern.compile(path), signed, idempotent, h));
  }

  List<Route> routes() {
    return routes;
  }

  // --- control (PlatformSimulator's API) -----------------------------------------------------

  void allowRegistrationCode(String code) {
    registrationCodes.add(code);
  }

  void provision(String kioskId, String keyId, byte[] secret, String queuePrefix) {
    signatures.add(new SignatureCheck.Key(kioskId, keyId, secret));
    queuePrefixes.put(kioskId, queuePrefix);
  }

  void autoPay(Optional<Duration> after) {
    autoPay = after;
  }

  /** Marks a pending payment paid, as the citizen's bank would. */
  boolean pay(String paymentId) {
    synchronized (payments) {
      Payments.Payment p = payments.get(paymentId);
      if (p == null || p.status() != Payments.Status.PENDING) {
        return false;
      }
      settle(p, Payments.Status.PAID);
      return true;
    }
  }

  Optional<Heartbeat> lastHeartbeat(String kioskId) {
    return Optional.ofNullable(heartbeats.get(kioskId));
  }

  // --- handlers ------------------------------------------------------------------------------

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), zone);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  private static Reply tagged(Call c, String etag, Object body) {
    String tag = "\"" + etag + "\"";
    if (c.header("If-None-Match").map(tag::equals).orElse(false)) {
      return Reply.notModified(tag);
    }
    return Reply.ok(body).header("ETag", tag);
  }

  /**
   * A code registers one kiosk, once. The same serial number with the same code gets the same
   * credentials again only while its answer may have been lost: within the replay window after
   * the first use, and before any request signed with them. Anything else is a 409 without a
   * secret: the serial number is printed on tickets and a code may linger in a file, so neither
   * may fetch a kiosk's key later.
   */
  private Reply register(Call c) {
    Registration.Request r = c.body(Registration.Request.class);
    require(r.registrationCode() != null && r.serialNumber() != null && r.hallId() != null, "registrationCode, serialNumber and hallId are required", c);
    synchronized (usedCodes) {
      UsedCode used = usedCodes.get(r.registrationCode());
      if (used != null) {
        boolean lostAnswer = used.serialNumber().equals(r.serialNumber())
            && !clock.instant().isAfter(used.at().plus(registrationReplay))
            && !signatures.used(used.issued().keyId());
        if (lostAnswer) {
          return Reply.ok(used.issued());
        }
        throw Reply.problem(409, Problem.REGISTRATION_CODE_USED, "注册码已使用", "the registration code was used; ask the platform's console for a new one", c.path());
      }
      if (!registrationCodes.remove(r.registrationCode())) {
        throw Reply.problem(409, Problem.REGISTRATION_CODE_USED, "注册码无效或已使用", "the registration code is unknown or was used", c.path());
      }
      Registration.Issued issued = issue(r);
      usedCodes.put(r.registrationCode(), new UsedCode(r.serialNumber(), issued, clock.instant()));
      return Reply.created(issued);
    }
  }

  private Registration.Issued issue(Registration.Request r) {
    long n = kioskSeq.incrementAndGet();
    String kioskId = "KSK-" + r.hallId().replaceAll("[^0-9A-Za-z]", "") + "-" + String.format("%03d", n);
    String keyId = "k-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String prefix = "Z" + n;
    provision(kioskId, keyId, secret, prefix);
    return new Registration.Issued(kioskId, keyId, Base64.getEncoder().encodeToString(secret), prefix, r.hallId(), "演示区政务服务中心", now());
  }

  private Reply rotate(Call c) {
    String keyId = "k-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    signatures.add(new SignatureCheck.Key(c.kioskId(), keyId, secret));
    signatures.retireOthers(c.kioskId(), keyId, Duration.ofHours(24)); // requests signed before the new key was saved still pass
    return Reply.ok(new Registration.Rotated(keyId, Base64.getEncoder().encodeToString(secret), now(), now().plusHours(24)));
  }

  private Reply cataloguePage(Call c) {
    long since = longParam(c, "since", 0);
    int limit = (int) longParam(c, "limit", 500);
    require(limit >= 1 && limit <= 500, "limit is 1 to 500", c);
    Optional<String> cursor = c.queryParam("cursor");
    require(cursor.map(CatalogueState::validCursor).orElse(true), "cursor is not one this platform gave", c);
    long version = catalogue.version();
    String tag = "\"cat-" + version + "\"";
    if (cursor.isEmpty() && c.header("If-None-Match").map(tag::equals).orElse(false)) {
      return Reply.notModified(tag);
    }
    var page = catalogue.page(since, cursor.orElse(null), limit);
    return Reply.ok(page).header("ETag", "\"cat-" + page.version() + "\"");
  }

  private Reply queueNumber(Call c) {
    QueueNumbers.Request r = c.body(QueueNumbers.Request.class);
    require(r.ticketId() != null && r.businessType() != null, "ticketId and businessType are required", c);
    BusinessTypes.BusinessType type = businessType(r.businessType(), c);
    QueueNumbers.Issued issued = issueNumber(r.ticketId(), type);
    centralTickets.put(c.kioskId() + ":" + r.ticketId(), new CentralTicket(issued.number(), false));
    return Reply.created(issued);
  }

  /** A number of the hall's central queue, as the hall holds it: voided when the kiosk says nobody took it. */
  record CentralTicket(String number, boolean voided) {}

  private final Map<String, CentralTicket> centralTickets = new ConcurrentHashMap<>();

  Optional<CentralTicket> centralTicket(String kioskId, String ticketId) {
    return Optional.ofNullable(centralTickets.get(kioskId + ":" + ticketId));
  }

  private QueueNumbers.Issued issueNumber(String ticketId, BusinessTypes.BusinessType type) {
    LocalDate day = today();
    long n = queueCounters.computeIfAbsent(day + ":" + type.code(), k -> new AtomicLong()).incrementAndGet();
    // The hall calls one number of each type every six minutes after opening.
    LocalTime opens = LocalTime.parse(type.opens());
    long minutes = Duration.between(LocalDateTime.of(day, opens), LocalDateTime.ofInstant(clock.instant(), zone)).toMinutes();
    long called = Math.max(0, minutes / 6);
    int ahead = (int) Math.max(0, n - 1 - called);
    return new QueueNumbers.Issued(ticketId, type.code() + String.format("%03d", n), type.code(), ahead, now());
  }

  private Reply offlineRange(Call c) {
    QueueNumbers.RangeRequest r = c.body(QueueNumbers.RangeRequest.class);
    require(r.size() >= 1 && r.size() <= 999, "size is 1 to 999", c);
    BusinessTypes.BusinessType type = businessType(r.businessType(), c);
    String prefix = queuePrefixes.getOrDefault(c.kioskId(), "Z0") + type.code();
    LocalDate day = today();
    AtomicLong counter = rangeCounters.computeIfAbsent(c.kioskId() + ":" + day + ":" + type.code(), k -> new AtomicLong());
    long to = counter.addAndGet(r.size());
    unprocessable(to <= 999, "the day's offline numbers of this type are used up", c);
    return Reply.created(new QueueNumbers.Range(prefix, (int) (to - r.size() + 1), (int) to, day));
  }

  private Reply slots(Call c) {
    String itemId = c.queryParam("itemId").orElseThrow(() -> invalid("itemId is required", c));
    LocalDate date = dateParam(c, "date");
    var item = catalogue.get(itemId);
    if (item == null) {
      throw Reply.notFound("item " + itemId, c.path());
    }
    List<Appointments.Slot> slots = new ArrayList<>();
    if (item.appointable() && data.calendar.open(date) && !date.isBefore(today())) {
      for (SimData.SlotTemplate t : data.calendar.slots()) {
        String slotId = itemId + "@" + date + "T" + t.start();
        int booked = slotBookings.getOrDefault(slotId, 0);
        slots.add(new Appointments.Slot(slotId, t.start(), t.end(), t.capacity(), Math.max(0, t.capacity() - booked)));
      }
    }
    return Reply.ok(new Appointments.SlotDay(itemId, date, slots));
  }

  private Reply availability(Call c) {
    LocalDate from = dateParam(c, "from");
    int days = (int) longParam(c, "days", 7);
    require(days >= 1 && days <= 14, "days is 1 to 14", c);
    int capacity = data.calendar.slots().stream().mapToInt(SimData.SlotTemplate::capacity).sum();
    List<Appointments.DayAvailability> out = new ArrayList<>();
    for (var item : catalogue.appointable()) {
      for (int d = 0; d < days; d++) {
        LocalDate date = from.plusDays(d);
        if (!data.calendar.open(date) || date.isBefore(today())) {
          continue;
        }
        int booked = 0;
        for (SimData.SlotTemplate t : data.calendar.slots()) {
          booked += slotBookings.getOrDefault(item.id() + "@" + date + "T" + t.start(), 0);
        }
        out.add(new Appointments.DayAvailability(item.id(), date, capacity, Math.max(0, capacity - booked)));
      }
    }
    return Reply.ok(new Appointments.Availability(from, days, out));
  }

  private Reply book(Call c) {
    Appointments.Book b = c.body(Appointments.Book.class);
    require(b.appointmentId() != null && b.slotId() != null && b.applicant() != null && b.applicant().idNumber() != null, "appointmentId, slotId and applicant are required", c);
    int at = b.slotId().indexOf('@');
    require(at > 0, "not a slot id", c);
    String itemId = b.slotId().substring(0, at);
    String[] dt = b.slotId().substring(at + 1).split("T");
    var item = catalogue.get(itemId);
    if (item == null) {
      throw Reply.notFound("item " + itemId, c.path());
    }
    LocalDate date = LocalDate.parse(dt[0]);
    SimData.SlotTemplate t = data.calendar.slots().stream().filter(s -> s.start().equals(dt[1])).findFirst().orElseThrow(() -> Reply.notFound("slot " + b.slotId(), c.path()));
    synchronized (slotBookings) {
      int booked = slotBookings.getOrDefault(b.slotId(), 0);
      if (booked >= t.capacity()) {
        throw Reply.problem(409, Problem.SLOT_FULL, "该时段已约满", "slot " + b.slotId() + " is full", c.path());
      }
      slotBookings.put(b.slotId(), booked + 1);
    }
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    var a = new Appointments.Appointment(b.appointmentId(), itemId, item.name(), date, t.start(), t.end(), Appointments.Status.BOOKED, code, null);
    appointments.put(a.appointmentId(), a);
    appointmentHolder.put(a.appointmentId(), b.applicant().idNumber());
    return Reply.created(a);
  }

  private Reply searchAppointments(Call c) {
    Appointments.Search s = c.body(Appointments.Search.class);
    require(s.idNumber() != null, "idNumber is required", c);
    List<Appointments.Appointment> found = new ArrayList<>();
    SimData.Citizen citizen = data.citizens.get(s.idNumber());
    if (citizen != null) {
      for (Appointments.Appointment a : citizen.appointments()) {
        found.add(appointments.getOrDefault(a.appointmentId(), a));
      }
    }
    appointmentHolder.forEach((id, holder) -> {
      if (holder.equals(s.idNumber())) {
        found.add(appointments.get(id));
      }
    });
    return Reply.ok(new Appointments.Found(found));
  }

  private Appointments.Appointment appointment(String id, Call c) {
    Appointments.Appointment a = appointments.get(id);
    if (a == null) {
      for (SimData.Citizen citizen : data.citizens.values()) {
        for (Appointments.Appointment x : citizen.appointments()) {
          if (x.appointmentId().equals(id)) {
            a = x;
          }
        }
      }
    }
    if (a == null) {
      throw Reply.notFound("appointment " + id, c.path());
    }
    return a;
  }

  private Reply checkIn(Call c) {
    synchronized (appointments) {
      Appointments.Appointment a = appointment(c.param(0), c);
      if (a.status() == Appointments.Status.CHECKED_IN) {
        return Reply.ok(a);
      }
      unprocessable(a.status() == Appointments.Status.BOOKED, "the appointment is " + a.status(), c);
      var item = catalogue.get(a.itemId());
      String type = item == null ? data.businessTypes.get(0).code() : item.businessType();
      var number = issueNumber(UUID.randomUUID().toString(), businessType(type, c));
      var done = new Appointments.Appointment(a.appointmentId(), a.itemId(), a.itemName(), a.date(), a.start(), a.end(), Appointments.Status.CHECKED_IN, a.checkInCode(), number.number());
      appointments.put(done.appointmentId(), done);
      return Reply.ok(done);
    }
  }

  private Reply cancel(Call c) {
    synchronized (appointments) {
      Appointments.Appointment a = appointment(c.param(0), c);
      if (a.status() == Appointments.Status.CANCELLED) {
        return Reply.ok(a);
      }
      unprocessable(a.status() == Appointments.Status.BOOKED, "the appointment is " + a.status(), c);
      var done = new Appointments.Appointment(a.appointmentId(), a.itemId(), a.itemName(), a.date(), a.start(), a.end(), Appointments.Status.CANCELLED, a.checkInCode(), null);
      appointments.put(done.appointmentId(), done);
      slotBookings.computeIfPresent(a.itemId() + "@" + a.date() + "T" + a.start(), (k, v) -> Math.max(0, v - 1));
      return Reply.ok(done);
    }
  }

  private Reply attach(Call c) {
    String type = c.header("Content-Type").orElse("");
    String bare = type.split(";")[0].strip();
    require(Set.of("image/jpeg", "image/png", "application/pdf").contains(bare), "attachments are JPEG, PNG or PDF", c);
    require(c.body().length > 0 && c.body().length <= 10 * 1024 * 1024, "an attachment is 1 byte to 10 MiB", c);
    return Reply.created(new Applications.Attachment("att-" + UUID.randomUUID(), Signature.sha256Hex(c.body()), c.body().length, bare));
  }

  /** Receives an application, from its own request or a batch record. */
  synchronized Applications.Received submit(String kioskId, Applications.Submit s, String stream, long seq, String instance) {
    if (s.applicationId() == null || s.itemId() == null || s.applicant() == null || s.applicant().idNumber() == null || s.applicant().name() == null) {
      throw invalid("applicationId, itemId and the applicant's idNumber and name are required", instance);
    }
    var item = catalogue.get(s.itemId());
    if (item == null) {
      throw Reply.problem(422, Problem.VALIDATION, "事项不存在", "item " + s.itemId() + " is not in the catalogue", instance);
    }
    Applications.Received prior = received.get(kioskId + ":" + s.applicationId());
    if (prior != null) {
      // The kiosk's id names the application: sent again (directly or in a batch, under any key), it is the same one.
      return prior;
    }
    LocalDate day = today();
    String no = "SQ" + day.toString().replace("-", "") + String.format("%06d", applicationSeq.incrementAndGet());
    var r = new Applications.Received(s.applicationId(), no, Applications.Status.RECEIVED, now());
    received.put(kioskId + ":" + s.applicationId(), r);
    var progress = new Applications.Progress(no, item.id(), item.name(), Applications.Status.RECEIVED, s.submittedAt() == null ? now() : s.submittedAt(),
        day.plusDays(item.promisedLimitDays()), List.of(new Applications.Step("收件", now(), "自助终端 " + kioskId, "已接收")));
    submittedBy.computeIfAbsent(s.applicant().idNumber(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(progress);
    ledger.add(new Ledger.Entry(kioskId, Batch.APPLICATION_SUBMIT, s.applicationId(), stream, seq, clock.instant(), Json.mapper().valueToTree(s)));
    return r;
  }

  private Reply progress(Call c) {
    Applications.ProgressSearch s = c.body(Applications.ProgressSearch.class);
    require(s.idNumber() != null || s.applicationNo() != null, "idNumber or applicationNo is required", c);
    List<Applications.Progress> all = new ArrayList<>();
    data.citizens.values().forEach(z -> all.addAll(z.applications()));
    submittedBy.values().forEach(all::addAll);
    List<Applications.Progress> found = new ArrayList<>();
    if (s.idNumber() != null) {
      Optional.ofNullable(data.citizens.get(s.idNumber())).ifPresent(z -> found.addAll(z.applications()));
      found.addAll(submittedBy.getOrDefault(s.idNumber(), List.of()));
    } else {
      all.stream().filter(p -> p.applicationNo().equals(s.applicationNo())).forEach(found::add);
    }
    return Reply.ok(new Applications.ProgressList(found));
  }

  private Reply createPayment(Call c) {
    Payments.Create o = c.body(Payments.Create.class);
    require(o.orderRef() != null && o.method() != null && o.amountFen() > 0, "orderRef, method and a positive amountFen are required", c);
    String id = "PAY" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT);
    String qr = o.method() == Payments.Method.QR ? "https://pay.example.gov.cn/q/" + id : null;
    var p = new Payments.Payment(id, o.orderRef(), o.amountFen(), o.method(), Payments.Status.PENDING, qr, now().plusMinutes(15), null, null);
    payments.put(id, p);
    autoPay.filter(d -> o.method() == Payments.Method.QR).ifPresent(d -> {
      Thread t = new Thread(() -> {
        try {
          Thread.sleep(d.toMillis());
          pay(id);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "sim-autopay");
      t.setDaemon(true);
      t.start();
    });
    return Reply.created(p);
  }

  private Payments.Payment payment(String id, Call c) {
    Payments.Payment p = payments.get(id);
    if (p == null) {
      throw Reply.notFound("payment " + id, c.path());
    }
    return p;
  }

  private Reply payment(Call c) throws InterruptedException {
    int wait = (int) longParam(c, "waitSeconds", 0);
    require(wait >= 0 && wait <= 30, "waitSeconds is 0 to 30", c);
    String id = c.param(0);
    long deadline = System.nanoTime() + wait * 1_000_000_000L;
    synchronized (payments) {
      Payments.Payment p = payment(id, c);
      while (p.status() == Payments.Status.PENDING && System.nanoTime() < deadline) {
        long ms = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        payments.wait(ms);
        p = payment(id, c);
      }
      return Reply.ok(p);
    }
  }

  private void settle(Payments.Payment p, Payments.Status status) {
    synchronized (payments) {
      String receipt = status == Payments.Status.PAID ? "R" + today().toString().replace("-", "") + p.paymentId().substring(3, 11) : null;
      payments.put(p.paymentId(), new Payments.Payment(p.paymentId(), p.orderRef(), p.amountFen(), p.method(), status, p.qrCode(), p.expiresAt(),
          status == Payments.Status.PAID ? now() : null, receipt));
      payments.notifyAll();
    }
  }

  private Reply cardResult(Call c) {
    Payments.CardResult r = c.body(Payments.CardResult.class);
    synchronized (payments) { // checked and settled at once: two answers cannot both settle it
      Payments.Payment p = payment(c.param(0), c);
      if (p.status() != Payments.Status.PENDING) {
        return Reply.ok(p);
      }
      unprocessable(p.method() == Payments.Method.CARD, "the payment is not a card payment", c);
      unprocessable(r.result() != null && r.amountFen() == p.amountFen(), "the card result must be for the order's amount", c);
      settle(p, r.result() == Payments.CardOutcome.APPROVED ? Payments.Status.PAID : Payments.Status.FAILED);
      return Reply.ok(payments.get(p.paymentId()));
    }
  }

  private Reply closePayment(Call c) {
    synchronized (payments) {
      Payments.Payment p = payment(c.param(0), c);
      if (p.status() == Payments.Status.PENDING) {
        settle(p, Payments.Status.CLOSED);
      }
      return Reply.ok(payments.get(p.paymentId()));
    }
  }

  private Reply licences(Call c) {
    Licences.Search s = c.body(Licences.Search.class);
    require(s.idNumber() != null, "idNumber is required", c);
    List<Licences.Summary> found = new ArrayList<>();
    Optional.ofNullable(data.citizens.get(s.idNumber())).ifPresent(z -> z.licences().forEach(l -> found.add(l.summary())));
    return Reply.ok(new Licences.Found(found));
  }

  private Optional<SimData.Licence> licence(java.util.function.Predicate<SimData.Licence> p) {
    for (SimData.Citizen z : data.citizens.values()) {
      for (SimData.Licence l : z.licences()) {
        if (p.test(l)) {
          return Optional.of(l);
        }
      }
    }
    return Optional.empty();
  }

  private Reply printData(Call c) {
    SimData.Licence l = licence(x -> x.summary().licenceId().equals(c.param(0))).orElseThrow(() -> Reply.notFound("licence " + c.param(0), c.path()));
    if (!l.summary().printable()) {
      throw Reply.problem(422, Problem.VALIDATION, "该证照不支持自助打印", "licence " + c.param(0) + " cannot be printed at a kiosk", c.path());
    }
    return Reply.ok(new Licences.PrintData(l.summary().licenceId(), l.template(), l.data(), l.verificationCode()));
  }

  private Reply verify(Call c) {
    Optional<SimData.Licence> l = licence(x -> x.verificationCode().equals(c.param(0)));
    if (l.isEmpty()) {
      return Reply.ok(new Licences.Verification(false, null, null, null, null, null, null));
    }
    Licences.Summary s = l.get().summary();
    String holder = l.get().data() == null ? "" : maskName(holderName(l.get().data()));
    boolean expired = s.validUntil() != null && s.validUntil().isBefore(today());
    return Reply.ok(new Licences.Verification(!expired, s.licenceId(), s.title(), s.issuer(), holder, s.issuedOn(), expired ? Licences.Validity.EXPIRED : Licences.Validity.VALID));
  }

  private static String holderName(JsonNode data) {
    for (String f : List.of("holderName", "name")) {
      if (data.hasNonNull(f)) {
        return data.get(f).asText();
      }
    }
    return data.path("operator").path("name").asText("");
  }

  static String maskName(String name) {
    if (name.isEmpty()) {
      return "";
    }
    int first = name.codePointAt(0);
    return new String(Character.toChars(first)) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
  }

  /** Creates a postal order, from its own request or a batch record. */
  synchronized PostalOrders.Order postalOrder(String kioskId, PostalOrders.Create o, String stream, long seq, String instance) {
    if (o.orderRef() == null || o.recipient() == null || (o.licenceId() == null && o.applicationNo() == null)) {
      throw invalid("orderRef, recipient and a licenceId or applicationNo are required", instance);
    }
    PostalOrders.Recipient r = o.recipient();
    if (r.name() == null || r.phone() == null || !r.phone().matches("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}") || r.address() == null) {
      throw invalid("the recipient needs a name, a mobile or landline number and an address", instance);
    }
    String known = ordersByRef.get(kioskId + ":" + o.orderRef());
    if (known != null) {
      return postalOrders.get(known); // the kiosk's reference names the order: sent again, it is the same one
    }
    String tracking = Long.toString(trackingSeq.incrementAndGet()) + "11";
    var order = new PostalOrders.Order("PO" + tracking, o.orderRef(), tracking, "EMS", PostalOrders.Status.CREATED, List.of(new PostalOrders.Event(now(), "已下单，等待揽收")));
    postalOrders.put(order.orderId(), order);
    ordersByRef.put(kioskId + ":" + o.orderRef(), order.orderId());
    ledger.add(new Ledger.Entry(kioskId, Batch.POSTAL_ORDER_CREATE, o.orderRef(), stream, seq, clock.instant(), Json.mapper().valueToTree(o)));
    return order;
  }

  private Reply postalOrderStatus(Call c) {
    PostalOrders.Order o = postalOrders.get(c.param(0));
    if (o == null) {
      throw Reply.notFound("postal order " + c.param(0), c.path());
    }
    return Reply.ok(o);
  }

  private Reply enterprise(Call c) {
    String code = c.param(0).toUpperCase(java.util.Locale.ROOT);
    if (!CreditCodes.valid(code)) {
      throw Reply.problem(400, Problem.INVALID_CREDIT_CODE, "统一社会信用代码有误", "not a valid unified social credit code (18 characters with a check character)", c.path());
    }
    Enterprise e = data.enterprises.get(code);
    if (e == null) {
      throw Reply.notFound("enterprise " + code, c.path());
    }
    return Reply.ok(e);
  }

  private Reply auditEvents(Call c) {
    Audit.Events events = c.body(Audit.Events.class);
    require(events.events() != null && events.events().size() <= Batch.MAX_RECORDS, "1 to 500 events", c);
    List<Batch.Result> results = new ArrayList<>();
    for (Audit.Event e : events.events()) {
      results.add(new Batch.Result(e.eventId(), audit(c.kioskId(), e, "audit", 0, c.path()), null, null));
    }
    return Reply.ok(new Batch.Response(results));
  }

  private final Set<String> auditIds = ConcurrentHashMap.newKeySet();

  private Batch.Status audit(String kioskId, Audit.Event e, String stream, long seq, String instance) {
    if (e.eventId() == null || e.kind() == null || e.at() == null || e.actor() == null) {
      throw invalid("eventId, at, kind and actor are required", instance);
    }
    if (!auditIds.add(kioskId + ":" + e.eventId())) {
      return Batch.Status.DUPLICATE;
    }
    ledger.add(new Ledger.Entry(kioskId, Batch.AUDIT_EVENT, e.eventId(), stream, seq, clock.instant(), Json.mapper().valueToTree(e)));
    return Batch.Status.ACCEPTED;
  }

  private Reply heartbeat(Call c) {
    Heartbeat h = c.body(Heartbeat.class);
    heartbeats.put(c.kioskId(), h);
    return Reply.ok(new Heartbeat.Reply(now(), List.of()));
  }

  // --- the outbox batch ----------------------------------------------------------------------

  /** Applies one batch record (its idempotency is settled by the caller); returns its result body. */
  JsonNode apply(String kioskId, Batch.Record r, String instance) {
    switch (r.kind()) {
      case Batch.TICKET_ISSUED: {
        QueueNumbers.TicketIssued t = convert(r.body(), QueueNumbers.TicketIssued.class, instance);
        if (t.ticketId() == null || t.businessType() == null || t.status() == null) {
          throw invalid("ticketId, businessType and status are required", instance);
        }
        if (t.number() == null && t.status() != QueueNumbers.TicketStatus.VOIDED) {
          throw invalid("number is required, but for a voided central number the kiosk never received", instance);
        }
        if (ticketIds.add(kioskId + ":" + t.ticketId())) { // a ticket reported again is the same ticket
          ledger.add(new Ledger.Entry(kioskId, Batch.TICKET_ISSUED, t.ticketId(), r.stream(), r.seq(), clock.instant(), r.body()));
          if (t.status() == QueueNumbers.TicketStatus.VOIDED) { // an interrupted one may be in someone's hand: staff decide
            centralTickets.computeIfPresent(kioskId + ":" + t.ticketId(), (k, held) -> new CentralTicket(held.number(), true));
          }
        }
        return null;
      }
      case Batch.APPLICATION_SUBMIT:
        return Json.mapper().valueToTree(submit(kioskId, convert(r.body(), Applications.Submit.class, instance), r.stream(), r.seq(), instance));
      case Batch.AUDIT_EVENT:
        audit(kioskId, convert(r.body(), Audit.Event.class, instance), r.stream(), r.seq(), instance);
        return null;
      case Batch.POSTAL_ORDER_CREATE:
        return Json.mapper().valueToTree(postalOrder(kioskId, convert(r.body(), PostalOrders.Create.class, instance), r.stream(), r.seq(), instance));
      default:
        throw invalid("unknown record kind " + r.kind(), instance);
    }
  }

  private final IdempotencyStore batchKeys = new IdempotencyStore();
  private final Set<String> ticketIds = ConcurrentHashMap.newKeySet();
  private final Map<String, String> ordersByRef = new ConcurrentHashMap<>();

  private Reply batch(Call c) {
    Batch.Request req = c.body(Batch.Request.class);
    require(req.records() != null && !req.records().isEmpty() && req.records().size() <= Batch.MAX_RECORDS, "a batch holds 1 to 500 records", c);
    List<Batch.Result> results = new ArrayList<>();
    Map<String, Long> lastSeq = new HashMap<>();
    Set<String> held = new java.util.HashSet<>();
    for (Batch.Record r : req.records()) {
      if (r.idempotencyKey() == null || r.stream() == null || r.kind() == null) {
        results.add(new Batch.Result(r.idempotencyKey(), Batch.Status.REJECTED, null, problem(422, "idempotencyKey, stream and kind are required", c.path())));
        continue;
      }
      if (held.contains(r.stream())) {
        results.add(new Batch.Result(r.idempotencyKey(), Batch.Status.RETRY, null, Problem.of(Problem.UNAVAILABLE, 503, "顺序等待", "an earlier record of stream " + r.stream() + " must go first", c.path(), true)));
        continue;
      }
      Long prev = lastSeq.put(r.stream(), r.seq());
      if (prev != null && r.seq() <= prev) {
        results.add(new Batch.Result(r.idempotencyKey(), Batch.Status.REJECTED, null, problem(422, "seq " + r.seq() + " after " + prev + " in stream " + r.stream(), c.path())));
        continue;
      }
      String digest = Signature.sha256Hex(Json.bytes(r.body() == null ? Json.mapper().nullNode() : r.body())) + ":" + r.kind();
      try {
        Optional<Reply> before = batchKeys.claim(c.kioskId(), r.idempotencyKey(), digest, c.path());
        if (before.isPresent()) {
          JsonNode result = before.get().body().length == 0 ? null : Json.mapper().readTree(before.get().body());
          results.add(new Batch.Result(r.idempotencyKey(), Batch.Status.DUPLICATE, result, null));
          continue;
        }
        JsonNode result;
        try {
          result = apply(c.kioskId(), r, c.path());
        } catch (RuntimeException e) {
          batchKeys.release(c.kioskId(), r.idempotencyKey());
          throw e;
        }
        batchKeys.done(c.kioskId(), r.idempotencyKey(), digest, new Reply(200, result == null ? new byte[0] : Json.bytes(result), null, Map.of()));
        results.add(new Batch.Result(r.idempotencyKey(), Batch.Status.ACCEPTED, result, null));
      } catch (Reply.Failure f) {
        Problem p = problemOf(f);
        boolean retry = p != null && p.retryable();
        if (retry) {
          held.add(r.stream());
        }
        results.add(new Batch.Result(r.idempotencyKey(), retry ? Batch.Status.RETRY : Batch.Status.REJECTED, null, p));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return Reply.ok(new Batch.Response(results));
  }

  private static Problem problemOf(Reply.Failure f) {
    try {
      return Json.read(f.reply.body(), Problem.class);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static Problem problem(int status, String detail, String instance) {
    return Problem.of(Problem.VALIDATION, status, "记录无效", detail, instance, false);
  }

  private static <T> T convert(JsonNode body, Class<T> type, String instance) {
    if (body == null || !body.isObject()) {
      throw invalid("the record has no body", instance);
    }
    try {
      return Json.mapper().treeToValue(body, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw invalid("the body is not a valid " + type.getSimpleName() + ": " + e.getMessage(), instance);
    }
  }

  // --- validation helpers ----------------------------------------------------------------------

  private BusinessTypes.BusinessType businessType(String code, Call c) {
    return data.businessTypes.stream().filter(t -> t.code().equals(code)).findFirst()
        .orElseThrow(() -> Reply.problem(422, Problem.VALIDATION, "业务类型不存在", "business type " + code + " is not one of the hall's", c.path()));
  }

  /** A well-formed request the platform cannot carry out in the state things are in: 422. */
  private static void unprocessable(boolean ok, String detail, Call c) {
    if (!ok) {
      throw Reply.problem(422, Problem.VALIDATION, "无法办理", detail, c.path());
    }
  }

  private static void require(boolean ok, String detail, Call c) {
    if (!ok) {
      throw invalid(detail, c);
    }
  }

  private static Reply.Failure invalid(String detail, Call c) {
    return invalid(detail, c.path());
  }

  private static Reply.Failure invalid(String detail, String instance) {
    return Reply.problem(400, Problem.VALIDATION, "请求参数有误", detail, instance);
  }

  private static long longParam(Call c, String name, long fallback) {
    Optional<String> v = c.queryParam(name);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(v.get());
    } catch (NumberFormatException e) {
      throw invalid(name + " is not a number", c);
    }
  }

  private static LocalDate dateParam(Call c, String name) {
    String v = c.queryParam(name).orElseThrow(() -> invalid(name + " is required", c));
    try {
      return LocalDate.parse(v);
    } catch (java.time.format.DateTimeParseException e) {
      throw invalid(name + " is not a date (YYYY-MM-DD)", c);
    }
  }
}
