package vn.gov.training.personnel.service;

import java.time.format.DateTimeFormatter;

import vn.gov.training.personnel.domain.AccountTask;
import vn.gov.training.personnel.domain.Person;
import vn.gov.training.platform.time.ProvinceTime;

/** The state of a person's set-password mail (task {@code SET_PASSWORD_MAIL}), with its Vietnamese message. */
final class PasswordMails {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private PasswordMails() {
    }

    /** Null for an account asked for before set-password mails existed (there is nothing to tell). */
    static AccountService.PasswordMailState state(Person p) {
        if (p.email == null || p.email.isBlank()) {
            return new AccountService.PasswordMailState("NO_EMAIL", null, null,
                    "Hồ sơ chưa có địa chỉ thư điện tử nên chưa gửi được thư đặt mật khẩu: hãy bổ sung thư điện tử"
                            + " rồi tạo lại tài khoản.");
        }
        AccountTask task = AccountTask.<AccountTask>find("personId = ?1 and username = ?2 and action = ?3"
                        + " order by id desc", p.id, p.accountUsername, AccountTask.Action.SET_PASSWORD_MAIL.name())
                .firstResult();
        if (task == null) {
            return null;
        }
        return switch (AccountTask.State.valueOf(task.state)) {
            case PENDING -> new AccountService.PasswordMailState("PENDING", p.email, null,
                    "Thư đặt mật khẩu sẽ được gửi tới " + p.email + " ngay khi tài khoản được tạo xong.");
            case DONE -> new AccountService.PasswordMailState("SENT", p.email, task.doneAt,
                    "Đã gửi thư đặt mật khẩu tới " + p.email + " lúc "
                            + task.doneAt.atZoneSameInstant(ProvinceTime.PROVINCE_ZONE).format(SHOWN) + ".");
            case SKIPPED -> new AccountService.PasswordMailState("NOT_NEEDED", p.email, null,
                    "Tài khoản đã có mật khẩu: không cần gửi thư đặt mật khẩu.");
            case FAILED -> new AccountService.PasswordMailState("FAILED", p.email, null,
                    "Chưa gửi được thư đặt mật khẩu vì tài khoản chưa tạo được.");
        };
    }
}
