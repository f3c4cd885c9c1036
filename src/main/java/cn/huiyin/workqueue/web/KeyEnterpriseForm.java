package cn.huiyin.workqueue.web;

import java.util.Locale;
import java.util.Optional;

import cn.huiyin.shared.domain.Uscc;

/**
 * The key-enterprise pages' words and choices: a code typed into the search goes straight to its enterprise when it
 * is a valid unified social credit code (spaces and case forgiven); a named person who is not a commissioner of the
 * unit is told so beside the field it was typed in.
 */
final class KeyEnterpriseForm {

    private KeyEnterpriseForm() {
    }

    /** The code to open for what was typed in the search, trimmed and in capitals; empty when it is not a valid code. */
    static Optional<String> lookup(String typed) {
        String code = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        return Uscc.parse(code).isPresent() ? Optional.of(code) : Optional.empty();
    }

    /** What the page says beside {@code field} (commissioner or backup) when the service refuses the person named there. */
    static Optional<String> notACommissioner(String field) {
        if ("commissioner".equals(field)) {
            return Optional.of("服务专员须为所选单位的服务专员（填写其用户名）");
        }
        if ("backup".equals(field)) {
            return Optional.of("备岗专员须为所选单位的服务专员（填写其用户名）");
        }
        return Optional.empty();
    }

    /** The notice after a naming was saved, by the {@code ok} code. */
    static String notice(String ok) {
        return "named".equals(ok) ? "已保存重点企业服务专员" : null;
    }
}
