package cn.huiyin.shared.pages;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import cn.huiyin.shared.demo.DemoDirectory;
import cn.huiyin.shared.demo.DemoLoginPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Staff sign-in and sign-out (Chinese). In demo mode the sign-in page lists the demo users, each a link to the demo
 * login; otherwise staff sign in through the district's identity provider, which is not configured yet.
 * Sign-out clears the token cookie.
 */
@Path("/")
public class SignInPage {

    static final String TOKEN_COOKIE = "huiyin_token";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signin(String to, String toLabel, boolean demo, List<DemoGroup> groups);

        static native TemplateInstance forbidden();
    }

    /** The demo users of one role, as listed. */
    public record DemoGroup(String roleName, List<DemoLink> users) {
    }

    public record DemoLink(String href, String name, String username) {
    }

    @Inject
    DemoDirectory demo;

    @GET
    @Path("signin")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signIn(@RestQuery String to) {
        String target = localTarget(to);
        StaffNavigation.Page page = target == null ? null : StaffNavigation.pageOf(target);
        String suffix = target == null ? "" : "?to=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
        List<DemoGroup> groups = demo.groups().stream()
                .map(group -> new DemoGroup(StaffNavigation.roleName(group.role()), group.users().stream()
                        .map(user -> new DemoLink("/demo/login/" + URLEncoder.encode(user.username(), StandardCharsets.UTF_8)
                                + suffix, user.displayName(), user.username()))
                        .toList()))
                .toList();
        return Templates.signin(target, page == null ? target : page.label(), demo.enabled(), groups);
    }

    @POST
    @Path("signout")
    public Response signOut() {
        NewCookie cleared = new NewCookie.Builder(TOKEN_COOKIE).value("").path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).maxAge(0).expiry(new Date(0)).build();
        return Response.seeOther(URI.create("/")).cookie(cleared).build();
    }

    /** {@code to} when it is a path on this site other than the home page, else null. */
    static String localTarget(String to) {
        String target = DemoLoginPage.localTarget(to).toString();
        return "/".equals(target) ? null : target;
    }
}
