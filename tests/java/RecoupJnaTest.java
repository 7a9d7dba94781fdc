// The C ABI from a second language: Java over JNA, as a CRM written in Java would call recoup.
// A payment waterfall, a may-call verdict and a limitation batch, each checked to the cent/day.
// Run: java -cp jna.jar:. RecoupJnaTest /path/to/librecoup_c.so
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

public final class RecoupJnaTest {
  /** The part of include/recoup/c/recoup.h this test uses (size_t is 64-bit: long). */
  public interface Recoup extends Library {
    String recoup_version();
    String recoup_last_error_message();
    String recoup_last_error_id();

    int recoup_date_serial(String date, IntByReference serial);

    int recoup_ledger_new(String currency, PointerByReference out);
    int recoup_ledger_add_charge(Pointer ledger, String due, String bucket, long amountMinor, long instalment);
    int recoup_ledger_add_payment(Pointer ledger, String id, String date, long amountMinor);
    void recoup_ledger_free(Pointer ledger);
    int recoup_payments_apply(Pointer ledger, Pointer policy, PointerByReference out);
    int recoup_waterfall_outstanding(Pointer waterfall, long[] out, long count);
    int recoup_waterfall_explain(Pointer waterfall, byte[] buffer, long size, long[] required);
    void recoup_waterfall_free(Pointer waterfall);

    void recoup_contact_request_init(ContactRequest request);
    int recoup_contact_may_call(long count, long[] utcSeconds, byte[] outcomes, Pointer consent, Pointer kinds,
                                ContactRequest request, Pointer book, ContactResult out, PointerByReference verdict);
    int recoup_verdict_rule(Pointer verdict, long index, int what, byte[] buffer, long size, long[] required);
    void recoup_verdict_free(Pointer verdict);

    int recoup_limitation_batch(String[] codes, long codeCount, LimitationColumns in, Pointer book, int[] expiresOn,
                                byte[] status, byte[] flags);
  }

  @Structure.FieldOrder({"struct_size", "at_utc_seconds", "time_zones", "jurisdiction", "number_kind", "with_consent",
                         "search_days"})
  public static class ContactRequest extends Structure {
    public long struct_size;
    public long at_utc_seconds;
    public String time_zones;
    public String jurisdiction;
    public int number_kind;
    public int with_consent;
    public int search_days;
  }

  @Structure.FieldOrder({"struct_size", "allowed", "next_allowed", "blocks", "reason_count"})
  public static class ContactResult extends Structure {
    public long struct_size;
    public int allowed;
    public long next_allowed;
    public int blocks;
    public long reason_count;
  }

  @Structure.FieldOrder({"struct_size", "count", "jurisdiction", "debt_type", "defaulted_on", "last_payment",
                         "last_acknowledgment", "charged_off_on", "debt_buyer", "as_of", "as_of_count"})
  public static class LimitationColumns extends Structure {
    public long struct_size;
    public long count;
    public Pointer jurisdiction;
    public Pointer debt_type;
    public Pointer defaulted_on;
    public Pointer last_payment;
    public Pointer last_acknowledgment;
    public Pointer charged_off_on;
    public Pointer debt_buyer;
    public Pointer as_of;
    public long as_of_count;
  }

  private static Recoup r;
  private static int failures = 0;

  private static void check(boolean ok, String what) {
    if (!ok) {
      System.err.println("FAILED: " + what + "; last error: " + r.recoup_last_error_message() + " ("
                         + r.recoup_last_error_id() + ")");
      ++failures;
    }
  }

  private static int serial(String date) {
    IntByReference s = new IntByReference();
    check(r.recoup_date_serial(date, s) == 0, "date " + date);
    return s.getValue();
  }

  private static String text(byte[] b) {
    int n = 0;
    while (n < b.length && b[n] != 0) ++n;
    return new String(b, 0, n, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void waterfall() {
    PointerByReference ledger = new PointerByReference();
    check(r.recoup_ledger_new("GBP", ledger) == 0, "ledger_new");
    Pointer l = ledger.getValue();
    r.recoup_ledger_add_charge(l, "2025-01-31", "interest", 1000, 1);
    r.recoup_ledger_add_charge(l, "2025-01-31", "principal", 9000, 1);
    r.recoup_ledger_add_charge(l, "2025-02-05", "fees", 2500, 0);
    r.recoup_ledger_add_charge(l, "2025-02-28", "interest", 910, 2);
    r.recoup_ledger_add_charge(l, "2025-02-28", "principal", 9090, 2);
    check(r.recoup_ledger_add_payment(l, "p1", "2025-02-10", 10000) == 0, "add_payment");
    PointerByReference w = new PointerByReference();
    check(r.recoup_payments_apply(l, null, w) == 0, "payments_apply");
    long[] outstanding = new long[5];
    check(r.recoup_waterfall_outstanding(w.getValue(), outstanding, 5) == 0, "outstanding");
    check(outstanding[0] == 0 && outstanding[1] == 0 && outstanding[2] == 2500 && outstanding[3] == 910
          && outstanding[4] == 9090, "per-instalment waterfall leaves the fee and instalment 2");
    long[] need = new long[1];
    check(r.recoup_waterfall_explain(w.getValue(), null, 0, need) == 100, "explain negotiates the size");
    byte[] buf = new byte[(int) need[0]];
    check(r.recoup_waterfall_explain(w.getValue(), buf, buf.length, null) == 0, "explain");
    check(text(buf).contains("p1"), "explanation names the payment");
    r.recoup_waterfall_free(w.getValue());
    check(r.recoup_ledger_add_charge(l, "2025-02-30", "fees", 100, 0) == 1, "an impossible date is refused");
    check("date.invalid".equals(r.recoup_last_error_id()), "with the id date.invalid");
    r.recoup_ledger_free(l);
  }

  private static void mayCall() {
    long monday = (long) serial("2026-03-02") * 86400 + 15 * 3600;  // 10:00 EST
    long[] calls = new long[7];
    byte[] outcomes = new byte[7];
    for (int i = 0; i < 7; ++i) {
      calls[i] = monday + (long) (i % 6) * 86400 + i * 60;
      outcomes[i] = 1;  // RECOUP_CALL_UNANSWERED
    }
    ContactRequest q = new ContactRequest();
    r.recoup_contact_request_init(q);
    q.at_utc_seconds = monday + 6 * 86400 + 3600;
    q.time_zones = "America/New_York";
    ContactResult res = new ContactResult();
    res.struct_size = res.size();
    PointerByReference verdict = new PointerByReference();
    check(r.recoup_contact_may_call(7, calls, outcomes, null, null, q, null, res, verdict) == 0, "may_call");
    check(res.allowed == 0 && (res.blocks & 1) != 0, "the eighth call in seven days is blocked");
    check(res.next_allowed > q.at_utc_seconds, "with the next allowed instant");
    byte[] cite = new byte[256];
    check(r.recoup_verdict_rule(verdict.getValue(), 0, 1, cite, cite.length, null) == 0, "citation");
    check(text(cite).contains("1006.14"), "citing Reg F 1006.14");
    r.recoup_verdict_free(verdict.getValue());
  }

  private static void limitationBatch() {
    String[] codes = {"US-TX", "GB-EAW"};
    int n = 2;
    Memory jurisdiction = new Memory(2L * n);
    jurisdiction.setShort(0, (short) 0);
    jurisdiction.setShort(2, (short) 1);
    Memory type = new Memory(n);
    type.setByte(0, (byte) 3);  // open_account
    type.setByte(1, (byte) 0);  // written_contract
    Memory defaulted = new Memory(4L * n);
    defaulted.setInt(0, serial("2020-01-15"));
    defaulted.setInt(4, serial("2021-05-01"));
    Memory lastPayment = new Memory(4L * n);
    lastPayment.setInt(0, Integer.MIN_VALUE);
    lastPayment.setInt(4, serial("2022-01-10"));
    Memory asOf = new Memory(4);
    asOf.setInt(0, serial("2026-06-01"));
    LimitationColumns in = new LimitationColumns();
    in.struct_size = in.size();
    in.count = n;
    in.jurisdiction = jurisdiction;
    in.debt_type = type;
    in.defaulted_on = defaulted;
    in.last_payment = lastPayment;
    in.as_of = asOf;
    in.as_of_count = 1;
    int[] expires = new int[n];
    byte[] status = new byte[n];
    byte[] flags = new byte[n];
    check(r.recoup_limitation_batch(codes, codes.length, in, null, expires, status, flags) == 0, "limitation_batch");
    // Texas open account: 4 years from default (Tex. Civ. Prac. & Rem. Code 16.004): expired 2024-01-15.
    check(status[0] == 1 && expires[0] == serial("2024-01-15"), "Texas open account expired on 2024-01-15");
    // England and Wales simple contract: 6 years, restarted by the 2022 part payment (s29(5)).
    check(status[1] == 0 && expires[1] == serial("2028-01-10"), "England and Wales runs to 2028-01-10");
  }

  public static void main(String[] args) {
    r = Native.load(args[0], Recoup.class);
    waterfall();
    mayCall();
    limitationBatch();
    if (failures > 0) {
      System.err.println(failures + " check(s) failed");
      System.exit(1);
    }
    System.out.println("Java over JNA (recoup " + r.recoup_version() + "): all checks passed");
  }
}
