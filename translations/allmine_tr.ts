<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Allmine Settings</source>
        <translation>Allmine Ayarları Hakkında</translation>
    </message>
    <message>
        <source>Allmine Settings %1</source>
        <translation>Allmine Ayarları %1</translation>
    </message>
    <message>
        <source>Manage your Allmine notification, visibility and language settings.</source>
        <translation>Allmine bildirim, görünürlük ve dil ayarlarınızı yönetin.</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1 (%2 ile derlendi)</translation>
    </message>
    <message>
        <source>QtKeychain %1 (at build time)</source>
        <translation>QtKeychain %1 (derleme zamanında)</translation>
    </message>
    <message>
        <source>Your settings for this app (servers, language, unsent changes) are kept in %1.</source>
        <translation>Bu uygulamaya ait ayarlarınız (sunucular, dil, gönderilmemiş değişiklikler) %1 içinde saklanır.</translation>
    </message>
    <message>
        <source>Sign-in tokens are kept in the system keychain (on Linux, the Secret Service: GNOME Keyring or KWallet), never in that file.</source>
        <translation>Oturum belirteçleri asla o dosyada değil, sistem anahtar zincirinde (Linux’ta Secret Service: GNOME Keyring ya da KWallet) saklanır.</translation>
    </message>
    <message>
        <source>Released under the MIT License:</source>
        <translation>MIT Lisansı altında yayımlanmıştır:</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lisans</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <source>Sign in…</source>
        <translation>Oturum aç…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Oturumu kapat</translation>
    </message>
    <message>
        <source>Sign out everywhere…</source>
        <translation>Her yerde oturumu kapat…</translation>
    </message>
    <message>
        <source>Sign in for this session only</source>
        <translation>Yalnızca bu oturum için oturum aç</translation>
    </message>
    <message>
        <source>Keep the sign-in in memory until the app quits</source>
        <translation>Oturum bilgisini uygulama kapanana kadar yalnızca bellekte tut</translation>
    </message>
    <message>
        <source>Using the token from ALLMINE_TOKEN (not stored)</source>
        <translation>ALLMINE_TOKEN içindeki belirteç kullanılıyor (saklanmaz)</translation>
    </message>
    <message>
        <source>signed in as %1</source>
        <translation>%1 olarak oturum açık</translation>
    </message>
    <message>
        <source>Checking the sign-in for %1…</source>
        <translation>%1 için oturum denetleniyor…</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>%1 olarak oturum açık</translation>
    </message>
    <message>
        <source>%1 on %2, until %3</source>
        <translation>%2: %1 (%3 tarihine kadar)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2: %1</translation>
    </message>
    <message>
        <source>(this session only)</source>
        <translation>(yalnızca bu oturum için)</translation>
    </message>
    <message>
        <source>Not signed in to %1.</source>
        <translation>%1 sunucusunda oturum açık değil.</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>Her yerde oturumu kapat</translation>
    </message>
    <message>
        <source>This ends every session of this account on %1: on every phone, computer and browser, not only here. Continue?</source>
        <translation>Bu işlem, bu hesabın %1 sunucusundaki tüm oturumlarını sonlandırır: yalnızca burada değil, her telefonda, bilgisayarda ve tarayıcıda. Devam edilsin mi?</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yeniden dene</translation>
    </message>
    <message>
        <source>Read the sign-in from the keychain again, once it is unlocked</source>
        <translation>Kilidi açıldığında oturumu anahtar zincirinden yeniden oku</translation>
    </message>
    <message>
        <source>The keychain is locked, so the sign-in for %1 cannot be read. Unlock it (for example in your password manager) and choose Retry.</source>
        <translation>Anahtar zinciri kilitli; bu yüzden %1 oturumu okunamıyor. Kilidini açıp (örneğin parola yöneticinizde) Yeniden dene’yi seçin.</translation>
    </message>
    <message>
        <source>No address is set for %1, so there is no sign-in yet.</source>
        <translation>%1 için adres belirlenmedi, bu yüzden henüz oturum yok.</translation>
    </message>
    <message>
        <source>The server rejected the token from ALLMINE_TOKEN. Start the app without it to sign in.</source>
        <translation>Sunucu ALLMINE_TOKEN’daki belirteci reddetti. Oturum açmak için uygulamayı o olmadan başlatın.</translation>
    </message>
    <message>
        <source>The server rejected your sign-in to %1. Sign in again; your changes are kept.</source>
        <translation>Sunucu %1 oturumunuzu reddetti. Yeniden oturum açın; değişiklikleriniz korunuyor.</translation>
    </message>
    <message>
        <source>(the server could not be asked just now)</source>
        <translation>(sunucuya şu anda sorulamadı)</translation>
    </message>
    <message>
        <source>This account has not finished registering; finish it in the Allmine app.</source>
        <translation>Bu hesabın kaydı tamamlanmamış; kaydı Allmine uygulamasında tamamlayın.</translation>
    </message>
    <message>
        <source>Your sign-in cannot be kept in the system keychain. %1</source>
        <translation>Oturumunuz sistem anahtar zincirinde saklanamıyor. %1</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Oturum açık</translation>
    </message>
</context>
<context>
    <name>AccountSession</name>
    <message>
        <source>Your sign-in to %1 expired and could not be renewed. Sign in again; your unsent changes are kept.</source>
        <translation>%1 sunucusundaki oturumunuzun süresi doldu ve yenilenemedi. Yeniden oturum açın; gönderilmemiş değişiklikleriniz korunur.</translation>
    </message>
    <message>
        <source>The server&apos;s answer held no usable token (a token holds only letters, digits and - . _ ~ + / =), so nothing was stored.</source>
        <translation>Sunucunun yanıtında kullanılabilir bir belirteç yoktu (bir belirteç yalnızca harf, rakam ve - . _ ~ + / = içerir), bu yüzden hiçbir şey saklanmadı.</translation>
    </message>
    <message>
        <source>You were signed out of %1 elsewhere (in another window or on the command line). Sign in again.</source>
        <translation>%1 sunucusundaki oturumunuz başka bir yerde (başka bir pencerede ya da komut satırında) kapatıldı. Yeniden oturum açın.</translation>
    </message>
    <message>
        <source>the renewed token is not a valid token</source>
        <translation>yenilenen belirteç geçerli bir belirteç değil</translation>
    </message>
    <message>
        <source>The server renewed your sign-in to %1 with the tokens of another account. For your safety you were signed out and nothing of that account was kept. Sign in again.</source>
        <translation>Sunucu %1 oturumunuzu başka bir hesabın belirteçleriyle yeniledi. Güvenliğiniz için oturumunuz kapatıldı ve o hesaba ait hiçbir şey saklanmadı. Yeniden oturum açın.</translation>
    </message>
</context>
<context>
    <name>ApiCall</name>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>%n saniye içinde yanıt yok</numerusform>
        </translation>
    </message>
    <message>
        <source>too many redirects</source>
        <translation>çok fazla yönlendirme</translation>
    </message>
    <message>
        <source>the answer was an HTML page</source>
        <translation>yanıt bir HTML sayfasıydı</translation>
    </message>
    <message>
        <source>not JSON</source>
        <translation>JSON değil</translation>
    </message>
    <message>
        <source>the sign-in could not be renewed</source>
        <translation>oturum yenilenemedi</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>zaman aşımı</translation>
    </message>
    <message>
        <source>body too large</source>
        <translation>gövde çok büyük</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>iptal edildi</translation>
    </message>
    <message>
        <source>connection closed before the whole answer came</source>
        <translation>yanıtın tamamı gelmeden bağlantı kapandı</translation>
    </message>
    <message>
        <source>unexpected status %1</source>
        <translation>beklenmeyen durum %1</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>Could not reach the server. Check the connection and the server address, then try again.</source>
        <translation>Sunucuya ulaşılamadı. Bağlantıyı ve sunucu adresini denetleyip yeniden deneyin.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not accepted, so nothing was sent. If this is a private Development server, name its CA certificate in the server settings.</source>
        <translation>Sunucunun sertifikası kabul edilmedi, bu yüzden hiçbir şey gönderilmedi. Bu özel bir Geliştirme sunucusuysa sunucu ayarlarında CA sertifikasını belirtin.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again, or raise the time limit.</source>
        <translation>Sunucu zamanında yanıt vermedi. Yeniden deneyin ya da zaman sınırını artırın.</translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation>Sunucu %1 ile yanıt verdi.</translation>
    </message>
    <message numerus="yes">
        <source>It asked to wait %n second(s).</source>
        <translation>
            <numerusform>Sunucu %n saniye beklenmesini istedi.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read. Try again; if it persists, the server is misbehaving.</source>
        <translation>Sunucunun yanıtı okunamadı. Yeniden deneyin; sorun sürerse sunucu hatalı çalışıyordur.</translation>
    </message>
    <message>
        <source>The server&apos;s answer was far too large and was not read. The server is misbehaving.</source>
        <translation>Sunucunun yanıtı çok büyük olduğu için okunmadı. Sunucu hatalı çalışıyor.</translation>
    </message>
    <message>
        <source>The server redirected to another address, which was not followed so your sign-in stays private. Check the server address.</source>
        <translation>Sunucu başka bir adrese yönlendirdi; oturumunuz gizli kalsın diye bu yönlendirme izlenmedi. Sunucu adresini denetleyin.</translation>
    </message>
    <message>
        <source>You are not signed in to this server. Sign in first.</source>
        <translation>Bu sunucuda oturum açık değil. Önce oturum açın.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>İstek iptal edildi.</translation>
    </message>
    <message>
        <source>The server refused the change as invalid.</source>
        <translation>Sunucu değişikliği geçersiz bularak reddetti.</translation>
    </message>
    <message>
        <source>Your sign-in is no longer valid. Sign in again.</source>
        <translation>Oturumunuz artık geçerli değil. Yeniden oturum açın.</translation>
    </message>
    <message>
        <source>This account may not do that.</source>
        <translation>Bu hesabın bunu yapma izni yok.</translation>
    </message>
    <message>
        <source>The server is busy with too many requests. Try again shortly.</source>
        <translation>Sunucu çok fazla istekle meşgul. Biraz sonra yeniden deneyin.</translation>
    </message>
    <message>
        <source>The server had a problem. Try again in a moment.</source>
        <translation>Sunucuda bir sorun oluştu. Birazdan yeniden deneyin.</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>Sunucu isteği reddetti.</translation>
    </message>
    <message>
        <source>The connection broke after the request was sent. The server may have handled it, so it was not sent again.</source>
        <translation>İstek gönderildikten sonra bağlantı koptu. Sunucu isteği işlemiş olabilir, bu yüzden tekrar gönderilmedi.</translation>
    </message>
    <message>
        <source>Reload the settings and try again.</source>
        <translation>Ayarları yeniden yükleyip tekrar deneyin.</translation>
    </message>
</context>
<context>
    <name>ApplyBar</name>
    <message numerus="yes">
        <source>Apply %n change(s) to %1</source>
        <translation>
            <numerusform>%n değişikliği %1 sunucusuna uygula</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Uygula</translation>
    </message>
    <message>
        <source>Send the changed fields to %1 (Ctrl+S)</source>
        <translation>Değişen alanları %1 sunucusuna gönder (Ctrl+S)</translation>
    </message>
    <message>
        <source>Revert all</source>
        <translation>Tümünü geri al</translation>
    </message>
    <message>
        <source>Put back the values the server has for every changed field</source>
        <translation>Değişen her alan için sunucudaki değeri geri getir</translation>
    </message>
    <message numerus="yes">
        <source>Applying to %1… %n more change(s) wait for the next Apply.</source>
        <translation>
            <numerusform>%1 sunucusuna uygulanıyor… %n değişiklik daha bir sonraki Uygula işlemini bekliyor.</numerusform>
        </translation>
    </message>
    <message>
        <source>Applying to %1…</source>
        <translation>%1 sunucusuna uygulanıyor…</translation>
    </message>
    <message>
        <source>Loading settings from %1…</source>
        <translation>Ayarlar %1 sunucusundan yükleniyor…</translation>
    </message>
    <message>
        <source>No settings loaded.</source>
        <translation>Hiç ayar yüklenmedi.</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved change(s).</source>
        <translation>
            <numerusform>%n kaydedilmemiş değişiklik.</numerusform>
        </translation>
    </message>
    <message>
        <source>All settings are saved on %1.</source>
        <translation>Tüm ayarlar %1 sunucusuna kaydedildi.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%1 did not apply %n change(s): %2.</source>
        <translation>
            <numerusform>%1 sunucusu %n değişikliği uygulamadı: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) could not be read: %1.</source>
        <translation>
            <numerusform>%n ayar okunamadı: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) changed on the server since they were loaded: %1.</source>
        <translation>
            <numerusform>%n ayar, yüklendikten sonra sunucuda değişti: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BearerToken</name>
    <message>
        <source>ALLMINE_TOKEN is empty.</source>
        <translation>ALLMINE_TOKEN boş.</translation>
    </message>
    <message>
        <source>ALLMINE_TOKEN is too long to be a token (over %1 characters).</source>
        <translation>ALLMINE_TOKEN bir belirteç olamayacak kadar uzun (%1 karakterden fazla).</translation>
    </message>
    <message>
        <source>ALLMINE_TOKEN is not a bearer token: a token holds only letters, digits and - . _ ~ + / (and = at its end), and this one holds a space, a line break or another character. Copy the token alone and try again.</source>
        <translation>ALLMINE_TOKEN bir taşıyıcı belirteç değil: bir belirteç yalnızca harf, rakam ve - . _ ~ + / (sonunda da =) içerir; bu ise bir boşluk, bir satır sonu ya da başka bir karakter içeriyor. Yalnızca belirteci kopyalayıp yeniden deneyin.</translation>
    </message>
    <message>
        <source>The saved sign-in for %1 is damaged: a token holds characters no token can have, so it was not used. Sign in again.</source>
        <translation>%1 için saklanan oturum bozuk: bir belirteç, hiçbir belirtecin içeremeyeceği karakterler içeriyor, bu yüzden kullanılmadı. Yeniden oturum açın.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Name at least one KEY=VALUE, e.g. notifications=off.</source>
        <translation>En az bir ANAHTAR=DEĞER verin, örneğin notifications=off.</translation>
    </message>
    <message>
        <source>%1 is given two different values.</source>
        <translation>%1 için iki farklı değer verildi.</translation>
    </message>
    <message>
        <source>--%1 needs a value.</source>
        <translation>--%1 bir değer gerektirir.</translation>
    </message>
    <message>
        <source>Unknown option %1. See --help.</source>
        <translation>Bilinmeyen seçenek: %1. Bkz. --help.</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds from %1 to %2, not &quot;%3&quot;.</source>
        <translation>--timeout, %1 ile %2 arasında bir saniye sayısı alır; &quot;%3&quot; olmaz.</translation>
    </message>
    <message>
        <source>%1 needs a value: %1=VALUE, where VALUE is %2.</source>
        <translation>%1 bir değer ister: %1=DEĞER; DEĞER %2 olmalı.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not KEY=VALUE with a known key%2.</source>
        <translation>&quot;%1&quot;, bilinen bir anahtarla ANAHTAR=DEĞER biçiminde değil%2.</translation>
    </message>
    <message>
        <source>Keys: %1.</source>
        <translation>Anahtarlar: %1.</translation>
    </message>
    <message>
        <source>Usage: allmine-settings-cli [--server dev|prod|NAME] [--base-url URL] [--timeout SECONDS] COMMAND

Commands:
  get [--json]                        show the current settings
  set KEY=VALUE... [--dry-run] [--yes] [--json]
                                      change settings; only changed fields are sent
  diff A B [--json]                   the fields whose values differ between servers A
                                      and B (exit 0 when none, 1 when some)
  copy --from A [--to B] [--dry-run] [--yes] [--json]
                                      make B (default: the --server one) match A
  export [FILE]                       write the settings as JSON (stdout without FILE)
  import FILE|- [--dry-run] [--yes] [--json]
                                      check a settings file (- is stdin), then set its
                                      values as set does
  servers list                        list the server profiles (&quot;active&quot;: the window&apos;s)
  servers set NAME URL [--ca FILE] [--confirm yes|no]
                                      set a server&apos;s address (and extra CA certificate);
                                      --confirm no: set changes it without --yes
  servers remove NAME                 remove a server you added
  login --email ADDRESS | --country-code CC --phone NUMBER
                                      sign in with a one-time code
  logout [--everywhere]               sign out of this server (or end every session)
  token status | set | clear          show, paste (from stdin) or forget the stored token

Without --server, commands use dev.
The token comes from ALLMINE_TOKEN when set, else from the OS keychain; ALLMINE_TOKEN and
--base-url are for the --server one only (diff and copy sign in to other servers from the
keychain).
Exit codes: 0 done, 1 diff found differences, 2 bad usage (no change sent),
            3 not signed in/401/403, 4 other 4xx,
            5 network/TLS/timeout/5xx/bad answer, 6 keychain unavailable.

Keys:</source>
        <translation>Kullanım: allmine-settings-cli [--server dev|prod|AD] [--base-url URL] [--timeout SANİYE] KOMUT

Komutlar:
  get [--json]                        geçerli ayarları göster
  set ANAHTAR=DEĞER... [--dry-run] [--yes] [--json]
                                      ayarları değiştir; yalnızca değişen alanlar gönderilir
  diff A B [--json]                   değerleri A ve B sunucuları arasında farklı olan
                                      alanlar (fark yoksa çıkış 0, varsa 1)
  copy --from A [--to B] [--dry-run] [--yes] [--json]
                                      B’yi (varsayılan: --server ile seçilen) A ile eşle
  export [DOSYA]                      ayarları JSON olarak yaz (DOSYA yoksa stdout’a)
  import DOSYA|- [--dry-run] [--yes] [--json]
                                      bir ayar dosyasını (- stdin’dir) denetle, sonra
                                      değerlerini set gibi uygula
  servers list                        sunucu profillerini listele (&quot;active&quot;: pencerenin sunucusu)
  servers set AD URL [--ca DOSYA] [--confirm yes|no]
                                      bir sunucunun adresini (ve ek CA sertifikasını) belirle;
                                      --confirm no: set onu --yes olmadan değiştirir
  servers remove AD                   eklediğiniz bir sunucuyu kaldır
  login --email ADRES | --country-code ÜLKE --phone NUMARA
                                      tek kullanımlık bir kodla oturum aç
  logout [--everywhere]               bu sunucuda oturumu kapat (ya da tüm oturumları sonlandır)
  token status | set | clear          saklanan belirteci göster, yapıştır (stdin’den) ya da unut

--server verilmezse komutlar dev sunucusunu kullanır.
Belirteç, ayarlıysa ALLMINE_TOKEN’dan, değilse işletim sisteminin anahtar zincirinden alınır;
ALLMINE_TOKEN ve --base-url yalnızca --server ile seçilen sunucu içindir (diff ve copy diğer
sunuculara anahtar zincirindeki oturumla bağlanır).
Çıkış kodları: 0 tamam, 1 diff fark buldu, 2 hatalı kullanım (hiçbir değişiklik gönderilmedi),
               3 oturum yok/401/403, 4 diğer 4xx,
               5 ağ/TLS/zaman aşımı/5xx/hatalı yanıt, 6 anahtar zinciri kullanılamıyor.

Anahtarlar:</translation>
    </message>
</context>
<context>
    <name>CliApp</name>
    <message>
        <source>Unknown command &quot;%1&quot;. See --help.</source>
        <translation>Bilinmeyen komut: &quot;%1&quot;. Bkz. --help.</translation>
    </message>
    <message>
        <source>There is no server named &quot;%1&quot;. List them with: allmine-settings-cli servers list</source>
        <translation>&quot;%1&quot; adında bir sunucu yok. Sunucuları şununla listeleyin: allmine-settings-cli servers list</translation>
    </message>
    <message>
        <source>For this run only, you can pass a token in ALLMINE_TOKEN instead.</source>
        <translation>Bunun yerine, yalnızca bu çalıştırma için ALLMINE_TOKEN içinde bir belirteç verebilirsiniz.</translation>
    </message>
    <message>
        <source>subject: %1</source>
        <translation>kullanıcı (sub): %1</translation>
    </message>
    <message>
        <source>expires: %1%2</source>
        <translation>geçerlilik sonu: %1%2</translation>
    </message>
    <message>
        <source> (expired)</source>
        <translation> (süresi doldu)</translation>
    </message>
    <message>
        <source>(no address)</source>
        <translation>(adres yok)</translation>
    </message>
    <message>
        <source>Server %1 now uses %2.</source>
        <translation>%1 sunucusu artık %2 adresini kullanıyor.</translation>
    </message>
    <message>
        <source>get takes no arguments. See --help.</source>
        <translation>get bağımsız değişken almaz. Bkz. --help.</translation>
    </message>
    <message>
        <source>Nothing to change: %1 already has these values. No change was sent.</source>
        <translation>Değiştirilecek bir şey yok: %1 sunucusunda bu değerler zaten var. Hiçbir değişiklik gönderilmedi.</translation>
    </message>
    <message>
        <source>Dry run: this is what would be sent to %1. No change was sent.</source>
        <translation>Deneme: %1 sunucusuna gönderilecek olan budur. Hiçbir değişiklik gönderilmedi.</translation>
    </message>
    <message>
        <source>You are about to change REAL settings on Production:</source>
        <translation>Üretim sunucusundaki GERÇEK ayarları değiştirmek üzeresiniz:</translation>
    </message>
    <message>
        <source>Type yes to apply: </source>
        <translation>Uygulamak için evet yazın: </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>evet</translation>
    </message>
    <message>
        <source>Not confirmed: no change was sent.</source>
        <translation>Onaylanmadı: hiçbir değişiklik gönderilmedi.</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n change(s) to %1.</source>
        <translation>
            <numerusform>%n değişiklik %1 sunucusuna uygulandı.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use: login --email ADDRESS, or login --country-code 90 --phone 5551234567</source>
        <translation>Kullanım: login --email ADRES ya da login --country-code 90 --phone 5551234567</translation>
    </message>
    <message>
        <source>A one-time code was sent to %1.</source>
        <translation>Tek kullanımlık kod şuraya gönderildi: %1.</translation>
    </message>
    <message>
        <source>Code: </source>
        <translation>Kod: </translation>
    </message>
    <message>
        <source>No code was given: not signed in.</source>
        <translation>Kod verilmedi: oturum açılmadı.</translation>
    </message>
    <message>
        <source>Signed in to %1%2.</source>
        <translation>%1 sunucusunda%2 oturum açıldı.</translation>
    </message>
    <message>
        <source> as %1</source>
        <translation> %1 olarak</translation>
    </message>
    <message>
        <source>This account has not finished registering; finish it in the Allmine app.</source>
        <translation>Bu hesabın kaydı tamamlanmamış; kaydı Allmine uygulamasında tamamlayın.</translation>
    </message>
    <message>
        <source>Use: logout [--everywhere]</source>
        <translation>Kullanım: logout [--everywhere]</translation>
    </message>
    <message>
        <source>You were not signed in to %1.</source>
        <translation>%1 sunucusunda zaten oturum açık değildi.</translation>
    </message>
    <message>
        <source>Ending every session of this account, on every device.</source>
        <translation>Bu hesabın her cihazdaki tüm oturumları sonlandırılıyor.</translation>
    </message>
    <message>
        <source>Signed out here, but the server could not be told: %1</source>
        <translation>Burada oturum kapatıldı, ancak sunucuya bildirilemedi: %1</translation>
    </message>
    <message>
        <source>Signed out everywhere.</source>
        <translation>Her yerde oturum kapatıldı.</translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation>%1 sunucusunda oturum kapatıldı.</translation>
    </message>
    <message>
        <source>Use: token status | token set | token clear</source>
        <translation>Kullanım: token status | token set | token clear</translation>
    </message>
    <message>
        <source>Note: ALLMINE_TOKEN is set and is used instead of the stored token.</source>
        <translation>Not: ALLMINE_TOKEN ayarlı; saklanan belirteç yerine o kullanılıyor.</translation>
    </message>
    <message>
        <source>%1: not signed in</source>
        <translation>%1: oturum açık değil</translation>
    </message>
    <message>
        <source>%1: signed in</source>
        <translation>%1: oturum açık</translation>
    </message>
    <message>
        <source>Forgot the tokens of %1.</source>
        <translation>%1 sunucusunun belirteçleri unutuldu.</translation>
    </message>
    <message>
        <source>Access token: </source>
        <translation>Erişim belirteci: </translation>
    </message>
    <message>
        <source>Refresh token (optional): </source>
        <translation>Yenileme belirteci (isteğe bağlı): </translation>
    </message>
    <message>
        <source>That is not a token: %1</source>
        <translation>Bu bir belirteç değil: %1</translation>
    </message>
    <message>
        <source>Warning: this token has already expired.</source>
        <translation>Uyarı: bu belirtecin süresi zaten dolmuş.</translation>
    </message>
    <message>
        <source>Stored the token for %1.</source>
        <translation>%1 için belirteç saklandı.</translation>
    </message>
    <message>
        <source>The server returned the code (a Development server); press Enter to use it.</source>
        <translation>Sunucu kodu döndürdü (bir Geliştirme sunucusu); kullanmak için Enter’a basın.</translation>
    </message>
    <message>
        <source>account: %1</source>
        <translation>hesap: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate was not accepted. If this is a private Development server, give its CA certificate with: allmine-settings-cli servers set NAME URL --ca FILE</source>
        <translation>Sunucunun sertifikası kabul edilmedi. Bu özel bir Geliştirme sunucusuysa CA sertifikasını şununla verin: allmine-settings-cli servers set AD URL --ca DOSYA</translation>
    </message>
    <message>
        <source>Your sign-in to %1 expired and could not be renewed. Sign in again with: allmine-settings-cli --server %2 login</source>
        <translation>%1 sunucusundaki oturumunuzun süresi doldu ve yenilenemedi. Şununla yeniden oturum açın: allmine-settings-cli --server %2 login</translation>
    </message>
    <message>
        <source>The keychain is locked, so the sign-in saved for %1 cannot be read. Unlock it (for example in your password manager, or by logging in again) and try again.</source>
        <translation>Anahtar zinciri kilitli, bu yüzden %1 için kaydedilen oturum okunamıyor. Kilidini açın (örneğin parola yöneticinizde ya da yeniden oturum açarak) ve tekrar deneyin.</translation>
    </message>
    <message>
        <source>Run the command again.</source>
        <translation>Komutu yeniden çalıştırın.</translation>
    </message>
    <message>
        <source>Use: copy --from A [--to B] [--dry-run] [--yes] [--json]</source>
        <translation>Kullanım: copy --from A [--to B] [--dry-run] [--yes] [--json]</translation>
    </message>
    <message>
        <source>%1 is both --from and --to: name two different servers.</source>
        <translation>%1 hem --from hem --to olarak verildi: iki farklı sunucu belirtin.</translation>
    </message>
    <message>
        <source>Use: diff A B [--json], naming two servers as servers list shows them.</source>
        <translation>Kullanım: diff A B [--json]; iki sunucuyu servers list çıktısındaki adlarıyla belirtin.</translation>
    </message>
    <message>
        <source>Name two different servers to compare.</source>
        <translation>Karşılaştırmak için iki farklı sunucu belirtin.</translation>
    </message>
    <message>
        <source>%1 and %2 have the same settings.</source>
        <translation>%1 ve %2 aynı ayarlara sahip.</translation>
    </message>
    <message>
        <source>Use: export [--server S] [FILE]</source>
        <translation>Kullanım: export [--server S] [DOSYA]</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 yazılamıyor: %2</translation>
    </message>
    <message>
        <source>Wrote the settings of %1 to %2.</source>
        <translation>%1 ayarları %2 dosyasına yazıldı.</translation>
    </message>
    <message>
        <source>%1 could not be read: the server sent %2, not %3.</source>
        <translation>%1 okunamadı: sunucu %3 yerine %2 gönderdi.</translation>
    </message>
    <message>
        <source>Use: import FILE|- [--server S] [--dry-run] [--yes] [--json]</source>
        <translation>Kullanım: import DOSYA|- [--server S] [--dry-run] [--yes] [--json]</translation>
    </message>
    <message>
        <source>Standard input cannot be read: %1</source>
        <translation>Standart girdi okunamıyor: %1</translation>
    </message>
    <message>
        <source>Standard input</source>
        <translation>Standart girdi</translation>
    </message>
    <message>
        <source>No change was sent.</source>
        <translation>Hiçbir değişiklik gönderilmedi.</translation>
    </message>
    <message>
        <source>%1 did not apply %2=%3: its answer holds %4.</source>
        <translation>%1 sunucusu %2=%3 değerini uygulamadı: yanıtında %4 var.</translation>
    </message>
    <message>
        <source>Use: servers list | servers set NAME URL [--ca FILE] [--confirm yes|no] | servers remove NAME</source>
        <translation>Kullanım: servers list | servers set AD URL [--ca DOSYA] [--confirm yes|no] | servers remove AD</translation>
    </message>
    <message>
        <source>Use --confirm yes or --confirm no.</source>
        <translation>--confirm yes ya da --confirm no kullanın.</translation>
    </message>
    <message>
        <source>You are about to change settings on %1:</source>
        <translation>%1 üzerinde ayarları değiştirmek üzeresiniz:</translation>
    </message>
    <message>
        <source>%1: the server rejected the stored sign-in</source>
        <translation>%1: sunucu saklanan oturumu reddetti</translation>
    </message>
    <message>
        <source>Sign in again with: allmine-settings-cli --server %1 login</source>
        <translation>Şununla yeniden oturum açın: allmine-settings-cli --server %1 login</translation>
    </message>
    <message>
        <source>Could not ask %1 whether it accepts the stored sign-in: %2</source>
        <translation>%1 sunucusuna saklanan oturumu kabul edip etmediği sorulamadı: %2</translation>
    </message>
    <message>
        <source>%1: signed in, not confirmed by the server</source>
        <translation>%1: oturum açık, sunucu tarafından doğrulanmadı</translation>
    </message>
    <message>
        <source>or give one for this run with --base-url URL.</source>
        <translation>ya da yalnızca bu çalıştırma için --base-url URL ile bir adres verin.</translation>
    </message>
    <message>
        <source>Set another with: allmine-settings-cli servers set %1 https://HOST</source>
        <translation>Başka bir adres ayarlayın: allmine-settings-cli servers set %1 https://HOST</translation>
    </message>
    <message>
        <source>The %1 server has no address yet. Set one with:
  allmine-settings-cli servers set %2 https://HOST</source>
        <translation>%1 sunucusunun henüz adresi yok. Şununla bir adres belirleyin:
  allmine-settings-cli servers set %2 https://SUNUCU</translation>
    </message>
    <message>
        <source>You are not signed in to %1. Sign in with: allmine-settings-cli --server %2 login --email ADDRESS.</source>
        <translation>%1 sunucusunda oturum açık değil. Şu komutla oturum açın: allmine-settings-cli --server %2 login --email ADRES.</translation>
    </message>
    <message>
        <source>No keychain service is running (Secret Service / GNOME Keyring / KWallet), so the sign-in saved for %1 cannot be read. Start one and try again.</source>
        <translation>Hiçbir anahtar zinciri hizmeti çalışmıyor (Secret Service / GNOME Keyring / KWallet), bu yüzden %1 için kaydedilen oturum okunamıyor. Birini başlatıp yeniden deneyin.</translation>
    </message>
    <message>
        <source>ALLMINE_TOKEN is sent only to the server named with --server.</source>
        <translation>ALLMINE_TOKEN yalnızca --server ile belirtilen sunucuya gönderilir.</translation>
    </message>
    <message>
        <source>%1 is %2, a language this app does not know (it knows %3).</source>
        <translation>%1 değeri %2; bu uygulamanın bilmediği bir dil (bildikleri: %3).</translation>
    </message>
    <message>
        <source>Refusing to change Production without confirmation: no change was sent. The confirmation is typed on standard input, which is not a terminal here: run it from a terminal (with import, name a FILE rather than -), or add --yes.</source>
        <translation>Onay olmadan Üretim değiştirilmiyor: hiçbir değişiklik gönderilmedi. Onay standart girdiden yazılır ve burada standart girdi bir uçbirim değil: komutu bir uçbirimden çalıştırın (import ile - yerine bir DOSYA adı verin) ya da --yes ekleyin.</translation>
    </message>
    <message>
        <source>%1 confirms every change: no change was sent. The confirmation is typed on standard input, which is not a terminal here: run it from a terminal (with import, name a FILE rather than -), add --yes, or turn this off with: allmine-settings-cli servers set %2 URL --confirm no</source>
        <translation>%1 her değişikliği onaylatır: hiçbir değişiklik gönderilmedi. Onay standart girdiden yazılır ve burada standart girdi bir uçbirim değil: komutu bir uçbirimden çalıştırın (import ile - yerine bir DOSYA adı verin), --yes ekleyin ya da bunu şununla kapatın: allmine-settings-cli servers set %2 URL --confirm no</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Change your Allmine notification, privacy and language settings.</source>
        <translation>Allmine bildirim, gizlilik ve dil ayarlarınızı değiştirin.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Bu yardımı göster ve çık.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Sürümü göster ve çık.</translation>
    </message>
    <message>
        <source>Start on this server (dev, prod or a name you added).</source>
        <translation>Bu sunucuyla başla (dev, prod ya da eklediğiniz bir ad).</translation>
    </message>
    <message>
        <source>Use this address for the server, for this run only.</source>
        <translation>Sunucu için yalnızca bu çalıştırmada bu adresi kullan.</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;. See --help.
</source>
        <translation>Beklenmeyen bağımsız değişken: &quot;%1&quot;. Bkz. --help.
</translation>
    </message>
    <message>
        <source>Save the window as PNG once the settings loaded, then exit (with status 3 if they could not be loaded).</source>
        <translation>Ayarlar yüklenince pencereyi PNG olarak kaydet, sonra çık (yüklenemedilerse durum kodu 3 ile).</translation>
    </message>
    <message>
        <source>There is no server named &quot;%1&quot;. Servers: %2.
</source>
        <translation>&quot;%1&quot; adında bir sunucu yok. Sunucular: %2.
</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>AD</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DOSYA</translation>
    </message>
    <message>
        <source>See --help.</source>
        <translation>Bkz. --help.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>unknown (the server sent %1)</source>
        <translation>bilinmiyor (sunucu %1 gönderdi)</translation>
    </message>
    <message>
        <source>There is no other server. Add one under File → Servers….</source>
        <translation>Başka sunucu yok. Dosya → Sunucular… altından bir sunucu ekleyin.</translation>
    </message>
    <message>
        <source>%1 has no address yet. Set one under File → Servers… to compare with it.</source>
        <translation>%1 sunucusunun henüz adresi yok. Karşılaştırmak için Dosya → Sunucular… altından bir adres belirleyin.</translation>
    </message>
    <message>
        <source>Reading the sign-in for %1…</source>
        <translation>%1 için oturum bilgisi okunuyor…</translation>
    </message>
    <message>
        <source>You are not signed in to %1. Sign in to compare with its settings.</source>
        <translation>%1 sunucusunda oturum açmadınız. Ayarlarıyla karşılaştırmak için oturum açın.</translation>
    </message>
    <message>
        <source>Loading the settings of %1…</source>
        <translation>%1 ayarları yükleniyor…</translation>
    </message>
    <message>
        <source>the settings were not an object</source>
        <translation>ayarlar bir nesne değildi</translation>
    </message>
    <message>
        <source>Could not load the settings from %1.</source>
        <translation>%1 sunucusundan ayarlar yüklenemedi.</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Ayar</translation>
    </message>
    <message>
        <source>%1 (this window)</source>
        <translation>%1 (bu pencere)</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Fark</translation>
    </message>
    <message>
        <source>Differs</source>
        <translation>Farklı</translation>
    </message>
    <message>
        <source>%1 and %2 have the same settings.</source>
        <translation>%1 ve %2 aynı ayarlara sahip.</translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) differ. &quot;Use these values&quot; makes them changes here, which you review and then send with Apply.</source>
        <translation>
            <numerusform>%n ayar farklı. “Bu değerleri kullan” bunları burada değişikliğe çevirir; gözden geçirip Uygula ile gönderirsiniz.</numerusform>
        </translation>
    </message>
    <message>
        <source>The %1 column includes your unsaved changes.</source>
        <translation>%1 sütunu kaydedilmemiş değişikliklerinizi de içerir.</translation>
    </message>
    <message>
        <source>Compare %1 with another server</source>
        <translation>%1 sunucusunu başka bir sunucuyla karşılaştır</translation>
    </message>
    <message>
        <source>Compare %1 &amp;with:</source>
        <translation>%1 sunucusunu şununla &amp;karşılaştır:</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Oturum aç…</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Yeniden dene</translation>
    </message>
    <message>
        <source>&amp;Use these values</source>
        <translation>Bu değerleri &amp;kullan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <source>%1 refused the sign-in. Sign in again to compare with its settings.</source>
        <translation>%1 oturumu reddetti. Ayarlarıyla karşılaştırmak için yeniden oturum açın.</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>• Changed</source>
        <translation>• Değişti</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Geri al</translation>
    </message>
    <message>
        <source>Put back the value the server has for “%1”</source>
        <translation>“%1” için sunucudaki değeri geri getir</translation>
    </message>
    <message>
        <source>Revert “%1”</source>
        <translation>“%1” alanını geri al</translation>
    </message>
    <message>
        <source>Inactive while “%1” is off; its own value is kept.</source>
        <translation>“%1” kapalıyken etkin değil; kendi değeri korunur.</translation>
    </message>
    <message>
        <source>%1 (changed)</source>
        <translation>%1 (değişti)</translation>
    </message>
    <message>
        <source>%1 (not known to this app)</source>
        <translation>%1 (bu uygulamanın tanımadığı bir dil)</translation>
    </message>
    <message numerus="yes">
        <source>Off: the %n setting(s) below are inactive and keep their own values.</source>
        <translation>
            <numerusform>Kapalı: aşağıdaki %n ayar etkin değil ve her biri kendi değerini korur.</numerusform>
        </translation>
    </message>
    <message>
        <source>This value was changed on the server.</source>
        <translation>Bu değer sunucuda değiştirildi.</translation>
    </message>
    <message>
        <source>Not saved: the server did not apply this.</source>
        <translation>Kaydedilmedi: sunucu bunu uygulamadı.</translation>
    </message>
    <message>
        <source>Unknown: the server sent %1, not %2.</source>
        <translation>Bilinmiyor: sunucu %2 yerine %1 gönderdi.</translation>
    </message>
</context>
<context>
    <name>FieldTable</name>
    <message>
        <source>All notifications</source>
        <translation>Tüm bildirimler</translation>
    </message>
    <message>
        <source>Master switch: when off, no notification of any kind is sent.</source>
        <translation>Ana anahtar: kapalıyken hiçbir türde bildirim gönderilmez.</translation>
    </message>
    <message>
        <source>Live streams</source>
        <translation>Canlı yayınlar</translation>
    </message>
    <message>
        <source>When someone you follow goes live.</source>
        <translation>Takip ettiğiniz biri canlı yayına başladığında.</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Ödemeler</translation>
    </message>
    <message>
        <source>Payments you send or receive.</source>
        <translation>Gönderdiğiniz ya da aldığınız ödemeler.</translation>
    </message>
    <message>
        <source>New followers</source>
        <translation>Yeni takipçiler</translation>
    </message>
    <message>
        <source>When someone starts following you.</source>
        <translation>Biri sizi takip etmeye başladığında.</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mesajlar</translation>
    </message>
    <message>
        <source>New direct messages.</source>
        <translation>Yeni doğrudan mesajlar.</translation>
    </message>
    <message>
        <source>Activity of people you follow</source>
        <translation>Takip ettiğiniz kişilerin etkinlikleri</translation>
    </message>
    <message>
        <source>What the people you follow are doing.</source>
        <translation>Takip ettiğiniz kişilerin neler yaptığı.</translation>
    </message>
    <message>
        <source>Show my total minutes</source>
        <translation>Toplam dakikalarımı göster</translation>
    </message>
    <message>
        <source>Whether others can see your total minutes.</source>
        <translation>Başkalarının toplam dakikalarınızı görüp göremeyeceği.</translation>
    </message>
    <message>
        <source>Show my total funds</source>
        <translation>Toplam fonlarımı göster</translation>
    </message>
    <message>
        <source>Whether others can see your total funds.</source>
        <translation>Başkalarının toplam fonlarınızı görüp göremeyeceği.</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Tercih edilen dil</translation>
    </message>
    <message>
        <source>The language Allmine uses for you.</source>
        <translation>Allmine’ın sizinle kullandığı dil.</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Bildirimler</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Gizlilik</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
    <message>
        <source>%1 takes true or false (also on/off, yes/no, 1/0), not &quot;%2&quot;.</source>
        <translation>%1 true ya da false alır (on/off, yes/no, 1/0 da olur); &quot;%2&quot; geçersiz.</translation>
    </message>
    <message>
        <source>%1 takes one of %2, not &quot;%3&quot;.</source>
        <translation>%1 şunlardan birini alır: %2; &quot;%3&quot; geçersiz.</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(ayarlanmamış)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>açık</translation>
    </message>
    <message>
        <source>off</source>
        <translation>kapalı</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ya da false</translation>
    </message>
    <message>
        <source>a language code</source>
        <translation>bir dil kodu</translation>
    </message>
    <message>
        <source> (did you mean %1?)</source>
        <translation> (şunu mu demek istediniz: %1?)</translation>
    </message>
</context>
<context>
    <name>FreshnessLabel</name>
    <message>
        <source>Last changed on the server: %1. Loaded at %2.</source>
        <translation>Sunucuda son değişiklik: %1. Yüklenme zamanı: %2.</translation>
    </message>
    <message>
        <source>Loaded at %1.</source>
        <translation>Yüklenme zamanı: %1.</translation>
    </message>
</context>
<context>
    <name>JwtInspector</name>
    <message>
        <source>The token is empty.</source>
        <translation>Belirteç boş.</translation>
    </message>
    <message>
        <source>The token is too long (over %1 KiB); a sign-in token is much shorter. Check that you copied only the token.</source>
        <translation>Belirteç çok uzun (%1 KiB üzeri); bir oturum belirteci çok daha kısadır. Yalnızca belirteci kopyaladığınızdan emin olun.</translation>
    </message>
    <message>
        <source>The token contains spaces or line breaks. Copy it again as one piece.</source>
        <translation>Belirteç boşluk ya da satır sonu içeriyor. Tek parça hâlinde yeniden kopyalayın.</translation>
    </message>
    <message numerus="yes">
        <source>A token has three parts separated by dots; this one has %n part(s).</source>
        <translation>
            <numerusform>Bir belirteç noktalarla ayrılmış üç bölümden oluşur; bunda %n bölüm var.</numerusform>
        </translation>
    </message>
    <message>
        <source>The token&apos;s header or payload part is empty.</source>
        <translation>Belirtecin başlık ya da yük bölümü boş.</translation>
    </message>
    <message>
        <source>The token&apos;s header is not valid base64url text.</source>
        <translation>Belirtecin başlığı geçerli bir base64url metni değil.</translation>
    </message>
    <message>
        <source>The token&apos;s payload is not valid base64url text.</source>
        <translation>Belirtecin yükü geçerli bir base64url metni değil.</translation>
    </message>
    <message>
        <source>The token&apos;s signature is not valid base64url text.</source>
        <translation>Belirtecin imzası geçerli bir base64url metni değil.</translation>
    </message>
    <message>
        <source>The token&apos;s header is not a JSON object.</source>
        <translation>Belirtecin başlığı bir JSON nesnesi değil.</translation>
    </message>
    <message>
        <source>The token&apos;s payload is not a JSON object.</source>
        <translation>Belirtecin yükü bir JSON nesnesi değil.</translation>
    </message>
    <message>
        <source>The token&apos;s expiry (&quot;exp&quot;) is not a valid date.</source>
        <translation>Belirtecin geçerlilik sonu (&quot;exp&quot;) geçerli bir tarih değil.</translation>
    </message>
</context>
<context>
    <name>KeychainTokenStore</name>
    <message>
        <source>Try again, or use a session-only token (kept until the app quits).</source>
        <translation>Yeniden deneyin ya da yalnızca bu oturum için geçerli bir belirteç kullanın (uygulama kapanana kadar saklanır).</translation>
    </message>
    <message>
        <source>Not signed in: no sign-in is saved for this server.</source>
        <translation>Oturum açık değil: bu sunucu için kayıtlı bir oturum yok.</translation>
    </message>
    <message>
        <source>Not signed in to %1.</source>
        <translation>%1 sunucusunda oturum açık değil.</translation>
    </message>
    <message>
        <source>The keychain stayed locked because unlocking it was cancelled. Unlock it when asked and try again, or use a session-only token.</source>
        <translation>Kilit açma iptal edildiği için anahtar zinciri kilitli kaldı. İstendiğinde kilidini açıp yeniden deneyin ya da yalnızca bu oturum için geçerli bir belirteç kullanın.</translation>
    </message>
    <message>
        <source>The keychain is locked. Unlock it (for example in your password manager, or by logging in again) and try again, or use a session-only token.</source>
        <translation>Anahtar zinciri kilitli. Kilidini açıp (örneğin parola yöneticinizde ya da sisteme yeniden giriş yaparak) yeniden deneyin veya yalnızca bu oturum için geçerli bir belirteç kullanın.</translation>
    </message>
    <message>
        <source>The keychain refused access to Allmine Settings. Allow it in your password manager and try again, or use a session-only token.</source>
        <translation>Anahtar zinciri Allmine Ayarları’nın erişimini reddetti. Parola yöneticinizde izin verip yeniden deneyin ya da yalnızca bu oturum için geçerli bir belirteç kullanın.</translation>
    </message>
    <message>
        <source>The keychain could not delete the saved sign-in (%1). Try again, or delete the &quot;%2&quot; entries in your password manager.</source>
        <translation>Anahtar zinciri kayıtlı oturumu silemedi (%1). Yeniden deneyin ya da parola yöneticinizdeki &quot;%2&quot; kayıtlarını silin.</translation>
    </message>
    <message>
        <source>The keychain has no default keyring to save into, and could not create one. Create or unlock the &quot;login&quot; keyring in your password manager (for example Seahorse) and try again, or use a session-only token.</source>
        <translation>Anahtar zincirinde kayıt yapılacak varsayılan bir anahtarlık yok ve yenisi oluşturulamadı. Parola yöneticinizde (örneğin Seahorse) &quot;login&quot; anahtarlığını oluşturun ya da kilidini açın ve yeniden deneyin veya yalnızca bu oturum için geçerli bir belirteç kullanın.</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1. %2</source>
        <translation>Anahtar zinciri bir hata bildirdi: %1. %2</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>ayrıntı yok</translation>
    </message>
    <message>
        <source>No keychain service is running (Secret Service / GNOME Keyring / KWallet). Start one or use a session-only token.</source>
        <translation>Çalışan bir anahtar zinciri hizmeti yok (Secret Service / GNOME Keyring / KWallet). Birini başlatın ya da yalnızca bu oturum için geçerli bir belirteç kullanın.</translation>
    </message>
    <message>
        <source>The keychain is locked, so the sign-in saved for %1 could not be deleted. Unlock it (for example in your password manager, or by logging in again) and try again.</source>
        <translation>Anahtar zinciri kilitli; bu yüzden %1 için kayıtlı oturum silinemedi. Kilidini açıp (örneğin parola yöneticinizde ya da sisteme yeniden giriş yaparak) yeniden deneyin.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <source>&amp;Servers…</source>
        <translation>&amp;Sunucular…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Çı&amp;kış</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Dü&amp;zen</translation>
    </message>
    <message>
        <source>&amp;Apply changes</source>
        <translation>&amp;Değişiklikleri uygula</translation>
    </message>
    <message>
        <source>&amp;Revert all changes</source>
        <translation>&amp;Tüm değişiklikleri geri al</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <source>Unsent changes from last time</source>
        <translation>Geçen seferden kalan gönderilmemiş değişiklikler</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to %1 were not sent before the app closed.</source>
        <translation>
            <numerusform>%1 sunucusuna yönelik %n değişiklik, uygulama kapanmadan önce gönderilmedi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Geri yükle</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Kaydedilmemiş değişiklikler</translation>
    </message>
    <message numerus="yes">
        <source>You have %n unsaved change(s) on %1. Apply them before switching?</source>
        <translation>
            <numerusform>%1 sunucusunda %n kaydedilmemiş değişikliğiniz var. Geçmeden önce uygulansın mı?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — Allmine Settings[*]</source>
        <translation>%1 — Allmine Ayarları[*]</translation>
    </message>
    <message>
        <source>%1 has no address</source>
        <translation>%1 sunucusunun adresi yok</translation>
    </message>
    <message>
        <source>Set its address under Servers… to load settings.</source>
        <translation>Ayarları yüklemek için adresini Sunucular… altında belirleyin.</translation>
    </message>
    <message>
        <source>Servers…</source>
        <translation>Sunucular…</translation>
    </message>
    <message>
        <source>Could not apply the changes to %1</source>
        <translation>Değişiklikler %1 sunucusuna uygulanamadı</translation>
    </message>
    <message>
        <source>Could not load the settings from %1</source>
        <translation>Ayarlar %1 sunucusundan yüklenemedi</translation>
    </message>
    <message>
        <source>Your changes are kept.</source>
        <translation>Değişiklikleriniz korunuyor.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yeniden dene</translation>
    </message>
    <message numerus="yes">
        <source>You have %n unsaved change(s) on %1. Apply them before closing?</source>
        <translation>
            <numerusform>%1 sunucusunda %n kaydedilmemiş değişikliğiniz var. Kapatmadan önce uygulansın mı?</numerusform>
        </translation>
    </message>
    <message>
        <source>Your Allmine language is now %1</source>
        <translation>Allmine diliniz artık %1</translation>
    </message>
    <message>
        <source>Show this window in %1 too?</source>
        <translation>Bu pencere de %1 gösterilsin mi?</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 kullan</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>D&amp;il</translation>
    </message>
    <message>
        <source>Your account on %1</source>
        <translation>%1 sunucusundaki hesabınız</translation>
    </message>
    <message>
        <source>&amp;Request log</source>
        <translation>İ&amp;stek günlüğü</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Hesap</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Oturum aç…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Oturumu &amp;kapat</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <source>&amp;About Allmine Settings</source>
        <translation>Allmine Ayarları &amp;Hakkında</translation>
    </message>
    <message>
        <source>Keep for later</source>
        <translation>Sonrası için sakla</translation>
    </message>
    <message>
        <source>Welcome to Allmine Settings</source>
        <translation>Allmine Ayarları’na hoş geldiniz</translation>
    </message>
    <message>
        <source>Closing once the server answers…</source>
        <translation>Sunucu yanıt verince kapanacak…</translation>
    </message>
    <message>
        <source>Your changes are on their way to %1.</source>
        <translation>Değişiklikleriniz %1 sunucusuna gönderiliyor.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>&amp;Export settings…</source>
        <translation>Ayarları &amp;dışa aktar…</translation>
    </message>
    <message>
        <source>&amp;Import settings…</source>
        <translation>Ayarları &amp;içe aktar…</translation>
    </message>
    <message>
        <source>&amp;Compare with…</source>
        <translation>&amp;Karşılaştır…</translation>
    </message>
    <message>
        <source>To see and change your settings, choose Servers… and enter the address of your Allmine server.</source>
        <translation>Ayarlarınızı görmek ve değiştirmek için Sunucular…’ı seçin ve Allmine sunucunuzun adresini girin.</translation>
    </message>
</context>
<context>
    <name>MemoryTokenStore</name>
    <message>
        <source>Not signed in to %1.</source>
        <translation>%1 sunucusunda oturum açık değil.</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Kapat</translation>
    </message>
</context>
<context>
    <name>ProductionConfirmDialog</name>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Change Production?</source>
        <translation>Üretim değiştirilsin mi?</translation>
    </message>
    <message>
        <source>These changes will be sent to PRODUCTION (%1) and affect a real account:</source>
        <translation>Bu değişiklikler ÜRETİM sunucusuna (%1) gönderilecek ve gerçek bir hesabı etkileyecek:</translation>
    </message>
    <message>
        <source>Don&apos;t ask again until I quit</source>
        <translation>Uygulamadan çıkana kadar bir daha sorma</translation>
    </message>
    <message numerus="yes">
        <source>Apply %n change(s) to Production</source>
        <translation>
            <numerusform>%n değişikliği Üretim sunucusuna uygula</numerusform>
        </translation>
    </message>
    <message>
        <source>Change %1?</source>
        <translation>%1 değiştirilsin mi?</translation>
    </message>
    <message>
        <source>These changes will be sent to %1 (%2):</source>
        <translation>Bu değişiklikler %1 sunucusuna (%2) gönderilecek:</translation>
    </message>
    <message numerus="yes">
        <source>Apply %n change(s) to %1</source>
        <translation>
            <numerusform>%n değişikliği %1 sunucusuna uygula</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReloadController</name>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Yeniden yükle</translation>
    </message>
    <message>
        <source>Load the settings from the server again; your changes are kept</source>
        <translation>Ayarları sunucudan yeniden yükle; değişiklikleriniz korunur</translation>
    </message>
</context>
<context>
    <name>RequestLogDock</name>
    <message>
        <source>Request log</source>
        <translation>İstek günlüğü</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>İstekler</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>İstek ayrıntıları</translation>
    </message>
    <message>
        <source>Copy as cURL</source>
        <translation>cURL olarak kopyala</translation>
    </message>
    <message>
        <source>Copy the selected request as a curl command; the token reads $ALLMINE_TOKEN</source>
        <translation>Seçili isteği curl komutu olarak kopyala; belirteç $ALLMINE_TOKEN değişkeninden okunur</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Temizle</translation>
    </message>
    <message>
        <source>Export request log</source>
        <translation>İstek günlüğünü dışa aktar</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON dosyaları (*.json);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 yazılamadı: %2</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Dışa aktar…</translation>
    </message>
    <message>
        <source>Save every request and answer as a JSON file; tokens and one-time codes are redacted</source>
        <translation>Her isteği ve yanıtı bir JSON dosyasına kaydet; belirteçler ve tek kullanımlık kodlar gizlenir</translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <source>(no body)</source>
        <translation>(gövde yok)</translation>
    </message>
    <message>
        <source>— %1</source>
        <translation>— %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zaman</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Sunucu</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Yöntem</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Süre</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Boyut</translation>
    </message>
    <message>
        <source>Answer %1 after %2 ms
</source>
        <translation>%2 ms sonra yanıt: %1
</translation>
    </message>
    <message>
        <source>No answer after %1 ms: %2
</source>
        <translation>%1 ms sonra yanıt yok: %2
</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n bayt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerBanner</name>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Sunucu:</translation>
    </message>
    <message>
        <source>Servers…</source>
        <translation>Sunucular…</translation>
    </message>
    <message>
        <source>Add servers or change their addresses</source>
        <translation>Sunucu ekleyin ya da adreslerini değiştirin</translation>
    </message>
    <message>
        <source>no address set</source>
        <translation>adres belirlenmedi</translation>
    </message>
    <message>
        <source>PRODUCTION — %1</source>
        <translation>ÜRETİM — %1</translation>
    </message>
    <message>
        <source>Changes here affect real users.</source>
        <translation>Buradaki değişiklikler gerçek kullanıcıları etkiler.</translation>
    </message>
    <message>
        <source>Development — %1</source>
        <translation>Geliştirme — %1</translation>
    </message>
    <message>
        <source>Test server: changes here do not affect real users.</source>
        <translation>Test sunucusu: buradaki değişiklikler gerçek kullanıcıları etkilemez.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Custom server.</source>
        <translation>Özel sunucu.</translation>
    </message>
    <message>
        <source>Active server: %1</source>
        <translation>Etkin sunucu: %1</translation>
    </message>
    <message>
        <source>%1 — PRODUCTION — %2</source>
        <translation>%1 — ÜRETİM — %2</translation>
    </message>
    <message>
        <source>Confirmations are paused: Apply sends without asking until you quit.</source>
        <translation>Onaylar duraklatıldı: Uygula, siz çıkana kadar sormadan gönderir.</translation>
    </message>
    <message>
        <source>&amp;Resume confirmations</source>
        <translation>Onayları &amp;sürdür</translation>
    </message>
</context>
<context>
    <name>ServerProfile</name>
    <message>
        <source>Development</source>
        <translation>Geliştirme</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Üretim</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address. Use https://host[:port].</source>
        <translation>&quot;%1&quot; bir sunucu adresi değil. https://sunucu[:bağlantı-noktası] biçimini kullanın.</translation>
    </message>
    <message>
        <source>Plain http:// is only allowed for this computer (localhost). Use https://%1 so your sign-in stays private.</source>
        <translation>Düz http:// yalnızca bu bilgisayar (localhost) için kullanılabilir. Oturumunuz gizli kalsın diye https://%1 kullanın.</translation>
    </message>
    <message>
        <source>A server address may not carry a user name, a query or a fragment.</source>
        <translation>Bir sunucu adresi kullanıcı adı, sorgu ya da parça (#) içeremez.</translation>
    </message>
    <message>
        <source>No server address given. Use https://host[:port].</source>
        <translation>Sunucu adresi girilmedi. https://sunucu[:bağlantı-noktası] biçimini kullanın.</translation>
    </message>
    <message>
        <source>The CA certificate file %1 does not exist.</source>
        <translation>CA sertifikası dosyası %1 yok.</translation>
    </message>
    <message>
        <source>The CA certificate %1 is not a file.</source>
        <translation>CA sertifikası %1 bir dosya değil.</translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be read: %2</source>
        <translation>CA sertifikası dosyası %1 okunamıyor: %2</translation>
    </message>
    <message>
        <source>The CA certificate file %1 holds no PEM certificate (-----BEGIN CERTIFICATE-----).</source>
        <translation>CA sertifikası dosyası %1 hiç PEM sertifikası içermiyor (-----BEGIN CERTIFICATE-----).</translation>
    </message>
</context>
<context>
    <name>ServerRegistry</name>
    <message>
        <source>A server name is 1 to 32 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>Sunucu adı 1 ile 32 arasında harf, rakam, &apos;-&apos; ya da &apos;_&apos; karakterinden oluşur.</translation>
    </message>
    <message>
        <source>Could not save the settings file %1.</source>
        <translation>Ayar dosyası %1 kaydedilemedi.</translation>
    </message>
    <message>
        <source>Development and Production cannot be removed.</source>
        <translation>Geliştirme ve Üretim kaldırılamaz.</translation>
    </message>
    <message>
        <source>There is no server named &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; adında bir sunucu yok.</translation>
    </message>
    <message>
        <source>The address %1 of the %2 server in %3 is not used. %4</source>
        <translation>%3 dosyasındaki %2 sunucusunun %1 adresi kullanılmıyor. %4</translation>
    </message>
    <message>
        <source>The address %1 built into this app for the %2 server is not used. %3</source>
        <translation>Bu uygulamaya %2 sunucusu için gömülü %1 adresi kullanılmıyor. %3</translation>
    </message>
</context>
<context>
    <name>ServersDialog</name>
    <message>
        <source>CA certificate</source>
        <translation>CA sertifikası</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM sertifikaları (*.pem *.crt);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Sunucular</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Ad:</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Temel &amp;URL:</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA sertifikası:</translation>
    </message>
    <message>
        <source>optional, PEM file for a private server</source>
        <translation>isteğe bağlı, özel bir sunucu için PEM dosyası</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Gözat…</translation>
    </message>
    <message>
        <source>&amp;Add server</source>
        <translation>Sunucu &amp;ekle</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Kaldır</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Kay&amp;det</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>adres yok</translation>
    </message>
    <message>
        <source>Replace server</source>
        <translation>Sunucuyu değiştir</translation>
    </message>
    <message>
        <source>There is already a server named &quot;%1&quot; (%2). Replace it?</source>
        <translation>&quot;%1&quot; adında bir sunucu zaten var (%2). Yerine bu kaydedilsin mi?</translation>
    </message>
    <message>
        <source>Development and Production are built in: pick them in the list to change their address.</source>
        <translation>Geliştirme ve Üretim yerleşiktir: adreslerini değiştirmek için onları listeden seçin.</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>Kaydedilmedi.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 kaydedildi.</translation>
    </message>
    <message>
        <source>Remove server</source>
        <translation>Sunucuyu kaldır</translation>
    </message>
    <message>
        <source>Remove the server &quot;%1&quot; from the list?</source>
        <translation>&quot;%1&quot; sunucusu listeden kaldırılsın mı?</translation>
    </message>
    <message>
        <source>The changes in this form are not saved. Save them before closing?</source>
        <translation>Bu formdaki değişiklikler kaydedilmedi. Kapatmadan önce kaydedilsin mi?</translation>
    </message>
    <message>
        <source>Con&amp;firm every change (treat like Production)</source>
        <translation>Her değişikliği &amp;onaylat (Üretim gibi davran)</translation>
    </message>
    <message>
        <source>Before Apply sends anything to this server, list the changes and ask</source>
        <translation>Uygula bu sunucuya bir şey göndermeden önce değişiklikleri listele ve sor</translation>
    </message>
    <message>
        <source>The changes to this server are not saved. Save them first?</source>
        <translation>Bu sunucudaki değişiklikler kaydedilmedi. Önce kaydedilsin mi?</translation>
    </message>
</context>
<context>
    <name>SettingsFile</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 mevcut değil.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 bir dosya değil.</translation>
    </message>
    <message>
        <source>%1 is over %2 KiB, too large for a settings file.</source>
        <translation>%1, %2 KiB’tan büyük; bir ayar dosyası için çok büyük.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 okunamıyor: %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 boş.</translation>
    </message>
    <message>
        <source>%1 holds no JSON object; a settings file is {&quot;field&quot;: value, …}.</source>
        <translation>%1 bir JSON nesnesi içermiyor; bir ayar dosyası {&quot;field&quot;: value, …} biçimindedir.</translation>
    </message>
    <message>
        <source>%1 names no setting.</source>
        <translation>%1 hiçbir ayar belirtmiyor.</translation>
    </message>
    <message>
        <source>%1: not a settings field</source>
        <translation>%1: bir ayar alanı değil</translation>
    </message>
    <message>
        <source>%1: true or false, not %2</source>
        <translation>%1: %2 değil, true ya da false olmalı</translation>
    </message>
    <message>
        <source>%1: a language code, not %2</source>
        <translation>%1: %2 değil, bir dil kodu olmalı</translation>
    </message>
    <message>
        <source>%1: %2 is not a language this app knows (%3)</source>
        <translation>%1: %2 bu uygulamanın bildiği bir dil değil (%3)</translation>
    </message>
    <message>
        <source>%1 cannot be used, because of these entries:</source>
        <translation>%1 şu girdiler yüzünden kullanılamıyor:</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2 at line %3, column %4. A settings file looks like {&quot;notifications&quot;: false, &quot;preferredLanguage&quot;: &quot;en&quot;}.</source>
        <translation>%1 geçerli JSON değil: %3. satır, %4. sütunda %2. Bir ayar dosyası şöyle görünür: {&quot;notifications&quot;: false, &quot;preferredLanguage&quot;: &quot;en&quot;}.</translation>
    </message>
</context>
<context>
    <name>SettingsSession</name>
    <message>
        <source>the settings were not an object</source>
        <translation>ayarlar bir nesne değildi</translation>
    </message>
    <message>
        <source>the answer was not a settings object</source>
        <translation>yanıt bir ayar nesnesi değildi</translation>
    </message>
</context>
<context>
    <name>SettingsStatus</name>
    <message>
        <source>The server answered %1. The settings were reloaded and your changes are kept: check them and apply again.</source>
        <translation>Sunucu %1 ile yanıt verdi. Ayarlar yeniden yüklendi ve değişiklikleriniz korundu: denetleyip yeniden uygulayın.</translation>
    </message>
    <message>
        <source>%1 did not take the changes</source>
        <translation>%1 sunucusu değişiklikleri almadı</translation>
    </message>
</context>
<context>
    <name>SettingsTransfer</name>
    <message>
        <source>Export settings of %1</source>
        <translation>%1 ayarlarını dışa aktar</translation>
    </message>
    <message>
        <source>Settings files (*.json)</source>
        <translation>Ayar dosyaları (*.json)</translation>
    </message>
    <message>
        <source>Import settings</source>
        <translation>Ayarları içe aktar</translation>
    </message>
    <message>
        <source>Settings files (*.json);;All files (*)</source>
        <translation>Ayar dosyaları (*.json);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>Could not export the settings</source>
        <translation>Ayarlar dışa aktarılamadı</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 yazılamıyor: %2</translation>
    </message>
    <message>
        <source>Choose another file or folder and try again.</source>
        <translation>Başka bir dosya ya da klasör seçip yeniden deneyin.</translation>
    </message>
    <message>
        <source>Saved the settings of %1 to %2.</source>
        <translation>%1 ayarları %2 dosyasına kaydedildi.</translation>
    </message>
    <message numerus="yes">
        <source>The file holds the server&apos;s values: your %n unsaved change(s) are not in it.</source>
        <translation>
            <numerusform>Dosya sunucudaki değerleri içerir: kaydedilmemiş %n değişikliğiniz dosyada yok.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings exported</source>
        <translation>Ayarlar dışa aktarıldı</translation>
    </message>
    <message>
        <source>Could not import the settings</source>
        <translation>Ayarlar içe aktarılamadı</translation>
    </message>
    <message>
        <source>Nothing was changed. Correct the file, or choose another.</source>
        <translation>Hiçbir şey değiştirilmedi. Dosyayı düzeltin ya da başka bir dosya seçin.</translation>
    </message>
    <message>
        <source>Settings imported</source>
        <translation>Ayarlar içe aktarıldı</translation>
    </message>
    <message>
        <source>The window already shows the values in %1. Nothing was changed.</source>
        <translation>Pencere zaten %1 dosyasındaki değerleri gösteriyor. Hiçbir şey değiştirilmedi.</translation>
    </message>
    <message>
        <source>%1 holds the values %2 has, so no change waits to be sent.</source>
        <translation>%1, %2 sunucusundaki değerleri içeriyor; gönderilmeyi bekleyen değişiklik yok.</translation>
    </message>
    <message numerus="yes">
        <source>With the values from %1, %n change(s) wait to be sent. Review them, then press Apply to send them to %2; nothing was sent yet.</source>
        <translation>
            <numerusform>%1 dosyasındaki değerlerle %n değişiklik gönderilmeyi bekliyor. Gözden geçirin, sonra %2 sunucusuna göndermek için Uygula’ya basın; henüz hiçbir şey gönderilmedi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file&apos;s values replaced %n unsaved change(s) of yours.</source>
        <translation>
            <numerusform>Dosyanın değerleri kaydedilmemiş %n değişikliğinizin yerini aldı.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Oturum aç</translation>
    </message>
    <message>
        <source>&amp;Email or phone</source>
        <translation>&amp;E-posta veya telefon</translation>
    </message>
    <message>
        <source>&amp;Paste a token</source>
        <translation>&amp;Belirteç yapıştır</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>E-p&amp;osta:</translation>
    </message>
    <message>
        <source>or p&amp;hone:</source>
        <translation>veya &amp;telefon:</translation>
    </message>
    <message>
        <source>Country code</source>
        <translation>Ülke kodu</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefon numarası</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation>Kod gönder</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Kod:</translation>
    </message>
    <message>
        <source>Access &amp;token (with or without &quot;Bearer &quot;):</source>
        <translation>Erişim belirte&amp;ci (&quot;Bearer &quot; ile ya da olmadan):</translation>
    </message>
    <message>
        <source>Use this token</source>
        <translation>Bu belirteci kullan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <source>Enter the code you received.</source>
        <translation>Size gelen kodu girin.</translation>
    </message>
    <message>
        <source>Not a token: %1</source>
        <translation>Belirteç değil: %1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Kullanıcı (sub): %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(yok)</translation>
    </message>
    <message>
        <source>Expires: %1</source>
        <translation>Geçerlilik sonu: %1</translation>
    </message>
    <message>
        <source>Expires: not stated; only the server can tell.</source>
        <translation>Geçerlilik sonu: belirtilmemiş; bunu yalnızca sunucu bilebilir.</translation>
    </message>
    <message>
        <source>Warning: this token has EXPIRED; the server will refuse it.</source>
        <translation>Uyarı: bu belirtecin SÜRESİ DOLMUŞ; sunucu onu reddedecek.</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>%1 sunucusunda oturum aç</translation>
    </message>
    <message>
        <source>PRODUCTION — %1. This is the live server: what you change after signing in affects real users.</source>
        <translation>ÜRETİM — %1. Bu canlı sunucudur: oturum açtıktan sonra yaptığınız değişiklikler gerçek kullanıcıları etkiler.</translation>
    </message>
    <message>
        <source>Enter your email address, or a phone number below.</source>
        <translation>E-posta adresinizi ya da aşağıya bir telefon numarası girin.</translation>
    </message>
    <message>
        <source>%1 returned the code in its answer, so it is filled in.</source>
        <translation>%1 kodu yanıtında döndürdü, bu yüzden kod dolduruldu.</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>&quot;%1&quot; is not an email address.</source>
        <translation>&quot;%1&quot; bir e-posta adresi değil.</translation>
    </message>
    <message>
        <source>The country code is 1 to 4 digits without &quot;+&quot;, e.g. 90.</source>
        <translation>Ülke kodu &quot;+&quot; olmadan 1 ila 4 rakamdır, örneğin 90.</translation>
    </message>
    <message>
        <source>The phone number is 4 to 15 digits without spaces, e.g. 5551234567.</source>
        <translation>Telefon numarası boşluksuz 4 ila 15 rakamdır, örneğin 5551234567.</translation>
    </message>
    <message>
        <source>The code is the digits you received.</source>
        <translation>Kod, size gelen rakamlardan oluşur.</translation>
    </message>
    <message>
        <source>no access token in the answer</source>
        <translation>yanıtta erişim belirteci yok</translation>
    </message>
    <message>
        <source>the token in the answer is not a valid token</source>
        <translation>yanıttaki belirteç geçerli bir belirteç değil</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>&quot;%1&quot; is not a valid server address (expected http:// or https:// and a host name), so no sign-in can be kept for it.</source>
        <translation>&quot;%1&quot; geçerli bir sunucu adresi değil (http:// ya da https:// ve bir ana makine adı bekleniyor), bu yüzden bu adres için oturum saklanamaz.</translation>
    </message>
    <message>
        <source>That is not a token (a token holds only letters, digits and - . _ ~ + / =), so it was not saved.</source>
        <translation>Bu bir belirteç değil (bir belirteç yalnızca harf, rakam ve - . _ ~ + / = içerir), bu yüzden saklanmadı.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>allmine-settings: could not write %1: %2
</source>
        <translation>allmine-settings: %1 yazılamadı: %2
</translation>
    </message>
    <message>
        <source>%1 has no address: give one with --base-url URL.</source>
        <translation>%1 için bir adres yok: --base-url URL ile bir adres verin.</translation>
    </message>
    <message>
        <source>Not signed in to %1.</source>
        <translation>%1 sunucusunda oturum açık değil.</translation>
    </message>
    <message>
        <source>allmine-settings: saved %1, but the settings did not load. %2</source>
        <translation>allmine-settings: %1 kaydedildi, ancak ayarlar yüklenemedi. %2</translation>
    </message>
</context>
</TS>
