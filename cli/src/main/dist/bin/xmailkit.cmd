@echo off
rem xmailkit for Windows (cmd.exe).
rem
rem Runs lib\xmailkit.jar of this installation with the arguments given, on the Java found through JAVA_HOME
rem (when set) or PATH, after checking that it is Java 17 or later. The virtual machine compiles with its quick
rem compiler only (-XX:TieredStopAtLevel=1, docs\performance.md); XMAILKIT_JAVA_OPTS adds options after that
rem one, so -XX:TieredStopAtLevel=4 there turns the optimising compiler back on. Folder names with spaces or Japanese characters work. The exit code is xmailkit's
rem (README, "Exit codes"), or 127 when xmailkit cannot start: no Java 17 or later, or an incomplete
rem installation; a message on standard error says why, in Japanese when the console uses code page 932.
rem
rem The file is ASCII with CRLF line ends, except the Japanese messages: they are Shift_JIS (code page 932)
rem and cmd.exe reads them only when the console uses that code page. No block spans lines, so that a path
rem holding a parenthesis, such as "C:\Program Files (x86)", can never end one early.

setlocal EnableExtensions DisableDelayedExpansion
set "XMAILKIT_REQUIRED=17"

rem This script's folder: %~dp0, or where PATH found it when it was called by a quoted bare name.
set "XMAILKIT_BIN=%~dp0"
if not exist "%XMAILKIT_BIN%%~nx0" for %%i in ("%~nx0") do set "XMAILKIT_BIN=%%~dp$PATH:i"
for %%i in ("%XMAILKIT_BIN%..") do set "XMAILKIT_HOME=%%~fi"
set "XMAILKIT_JAR=%XMAILKIT_HOME%\lib\xmailkit.jar"
if not exist "%XMAILKIT_JAR%" goto noJar
rem java.exe reads its arguments in the ANSI code page; the short (8.3) name, where there is one, is ASCII.
for %%i in ("%XMAILKIT_JAR%") do set "XMAILKIT_JAR=%%~fsi"

if not defined JAVA_HOME goto javaFromPath
set "JAVA_HOME=%JAVA_HOME:"=%"
set "XMAILKIT_JAVA=%JAVA_HOME%\bin\java.exe"
if not exist "%XMAILKIT_JAVA%" goto badJavaHome
goto checkVersion

:javaFromPath
set "XMAILKIT_JAVA="
for %%i in (java.exe) do set "XMAILKIT_JAVA=%%~$PATH:i"
if not defined XMAILKIT_JAVA goto noJava

:checkVersion
rem The version from "java -version": the line whose second word is "version", e.g. openjdk version "17.0.2";
rem before Java 9 it read "1.8.0_412". An unreadable version is left for Java itself to judge. Continued lines
rem (a caret at the end) never start with a keyword or a variable.
set "XMAILKIT_VER="
set "XMAILKIT_MAJOR="
set "XMAILKIT_MINOR="
for /f "tokens=2,3" %%a in ('call "%%XMAILKIT_JAVA%%" -version 2^>^&1') do if "%%a"=="version" set "XMAILKIT_VER=%%~b"
if not defined XMAILKIT_VER goto run
for /f "tokens=1 delims=.-_+" %%a in ("%XMAILKIT_VER%") do set "XMAILKIT_MAJOR=%%a"
for /f "tokens=2 delims=.-_+" %%a in ("%XMAILKIT_VER%") do set "XMAILKIT_MINOR=%%a"
if "%XMAILKIT_MAJOR%"=="1" set "XMAILKIT_MAJOR=%XMAILKIT_MINOR%"
if not defined XMAILKIT_MAJOR goto run
for /f "delims=0123456789" %%i in ("%XMAILKIT_MAJOR%") do goto run
if %XMAILKIT_MAJOR% LSS %XMAILKIT_REQUIRED% goto oldJava

:run
"%XMAILKIT_JAVA%" -XX:TieredStopAtLevel=1 %XMAILKIT_JAVA_OPTS% -jar "%XMAILKIT_JAR%" %*
set "XMAILKIT_EXIT=%ERRORLEVEL%"
endlocal & exit /b %XMAILKIT_EXIT%

:noJar
call :codePage
if "%XMAILKIT_CP%"=="932" goto noJarJa
>&2 echo xmailkit: "%XMAILKIT_JAR%" is missing; unpack the whole xmailkit archive again
goto failed
:noJarJa
>&2 echo xmailkit: "%XMAILKIT_JAR%" がありません。xmailkit のアーカイブを改めてすべて展開してください
goto failed

:badJavaHome
call :codePage
if "%XMAILKIT_CP%"=="932" goto badJavaHomeJa
>&2 echo xmailkit: JAVA_HOME is "%JAVA_HOME%", but it has no bin\java.exe; set JAVA_HOME to a ^
Java %XMAILKIT_REQUIRED% or later installation, or remove it to use java from PATH
goto failed
:badJavaHomeJa
>&2 echo xmailkit: JAVA_HOME は "%JAVA_HOME%" ですが、bin\java.exe がありません。JAVA_HOME に ^
Java %XMAILKIT_REQUIRED% 以降のインストール先を設定するか、JAVA_HOME の設定を解除して PATH の java を使ってください
goto failed

:noJava
call :codePage
if "%XMAILKIT_CP%"=="932" goto noJavaJa
>&2 echo xmailkit: xmailkit needs Java %XMAILKIT_REQUIRED% or later, but JAVA_HOME is not set and there is no ^
java.exe on PATH; install a Java runtime (e.g. scoop install java/temurin17-jre) or set JAVA_HOME
goto failed
:noJavaJa
>&2 echo xmailkit: xmailkit には Java %XMAILKIT_REQUIRED% 以降が必要ですが、JAVA_HOME が設定されておらず ^
PATH にも java.exe がありません。Java をインストールする (例: scoop install java/temurin17-jre) か、^
JAVA_HOME を設定してください
goto failed

:oldJava
call :codePage
if "%XMAILKIT_CP%"=="932" goto oldJavaJa
>&2 echo xmailkit: xmailkit needs Java %XMAILKIT_REQUIRED% or later, but "%XMAILKIT_JAVA%" ^
is Java %XMAILKIT_VER%; install Java %XMAILKIT_REQUIRED% or later, or set JAVA_HOME to one
goto failed
:oldJavaJa
>&2 echo xmailkit: xmailkit には Java %XMAILKIT_REQUIRED% 以降が必要ですが、"%XMAILKIT_JAVA%" は ^
Java %XMAILKIT_VER% です。Java %XMAILKIT_REQUIRED% 以降をインストールするか、JAVA_HOME を設定してください
goto failed

:failed
endlocal & exit /b 127

rem The console's code page, e.g. 932 from "Active code page: 932" (or its translation).
:codePage
set "XMAILKIT_CP="
for /f "tokens=2 delims=:" %%i in ('chcp') do set "XMAILKIT_CP=%%i"
if defined XMAILKIT_CP set "XMAILKIT_CP=%XMAILKIT_CP: =%"
if defined XMAILKIT_CP set "XMAILKIT_CP=%XMAILKIT_CP:.=%"
exit /b 0
