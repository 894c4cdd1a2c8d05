package dev.switchboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test against the whole platform on a random port. Every class carrying this annotation (and
 * nothing else that changes the configuration: no {@code @MockitoBean}, no extra properties) shares one
 * application context, so the embedded database and the server start once per JVM. Inject {@link TestApi},
 * {@link TenantFixtures}, {@link TenantsFolder} and {@code OwnerDatabase} where needed.
 *
 * <p>Since the context is shared, leave it as you found it:
 * <ul>
 *   <li>end sessions, change passwords or disable only users of your own ({@link TenantFixtures#newUser});</li>
 *   <li>fail sign-ins on purpose from {@link TestApi#fromAnotherAddress()}: the throttle counts failures per
 *       client address for the whole JVM;</li>
 *   <li>put edited tenant files back ({@link TenantsFolder#restore}) and wait for the reload;</li>
 *   <li>a new tenant route whose path has a new variable needs a Globex value in
 *       {@code CrossTenantIsolationTest}, which attacks every tenant route it finds.</li>
 * </ul>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestPlatform.class)
@Import(TestPlatformBeans.class)
public @interface PlatformTest {
}
