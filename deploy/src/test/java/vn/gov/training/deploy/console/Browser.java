package vn.gov.training.deploy.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (paths given, so Selenium Manager downloads nothing),
 * with the steps the journey repeats: log in on the real Keycloak page, log out, save a screenshot.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final String gateway;

    Browser(String gateway) {
        this.gateway = gateway;
        String driverPath = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        System.setProperty("webdriver.chrome.driver", driverPath);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("training.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1366,900", "--lang=vi-VN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(driverPath)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void open(String path) {
        driver.get(gateway + path);
    }

    /** Opens the console; on Keycloak's login page signs in as the user; waits until back on the console. */
    void login(String username, String password) {
        open("/console");
        wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("username")),
                ExpectedConditions.presenceOfElementLocated(By.id("who"))));
        if (!driver.findElements(By.id("username")).isEmpty()) {
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.id("kc-login")).click();
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
    }

    /** RP-initiated logout: the gateway ends its session and Keycloak's; the console then asks for a login again. */
    void logout() {
        open("/logout");
        wait.until(d -> !d.getCurrentUrl().contains("/logout"));
        open("/console");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    /**
     * Clicks the element once it is visible; htmx may swap the fragment holding it between finding and clicking
     * (e.g. a search that answers twice while typing), so a stale element is looked up again until the deadline.
     */
    void click(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement element = ExpectedConditions.visibilityOfElementLocated(by).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    WebElement await(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Saves the page as {@code target/screenshots/NAME.png}; a screenshot that cannot be saved fails the step. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("screenshot " + name + " not saved", e);
        }
    }

    /** What a download link of the page gives this browser session: status, content type, first bytes. */
    @SuppressWarnings("unchecked")
    java.util.List<Object> fetch(String href) {
        Object answer = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.arrayBuffer().then(b => done([r.status, r.headers.get('Content-Type') || '',
                      b.byteLength, Array.from(new Uint8Array(b.slice(0, 2)))])))
                  .catch(e => done([0, String(e), 0, []]));""", href);
        return (java.util.List<Object>) answer;
    }

    /** The window's size, e.g. 390 × 844 for a phone, 1366 × 900 for a laptop. */
    void size(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Whether the page is wider than the window (a phone would have to scroll sideways). */
    boolean overflowsSideways() {
        Object wider = driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        return Boolean.TRUE.equals(wider);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    WebDriver raw() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
