<#--
  The NOTICE of the release archives. license-maven-plugin (add-third-party, see cli/pom.xml) renders it with
  dependencyMap: each bundled library (a MavenProject) with its licenses, named as licenseMerges in cli/pom.xml
  settles them.
-->
<#function central p>
  <#return "https://repo.maven.apache.org/maven2/" + p.groupId?replace(".", "/") + "/" + p.artifactId + "/"
      + p.version + "/" + p.artifactId + "-" + p.version + "-sources.jar">
</#function>
xmailkit
Copyright 2026 the xmailkit authors

xmailkit is licensed under the Apache License, Version 2.0; its text is in LICENSE.

xmailkit reads the configuration files of the XMail mail server and talks its protocols, but it contains no
XMail code. XMail is licensed under the GNU General Public License, version 2; it is not part of this
distribution and is not needed to run xmailkit.


Bundled libraries
=================

lib/xmailkit.jar holds xmailkit and these ${dependencyMap?size} libraries, unmodified. The license and notice
files each library ships, and every license text other than the Apache License 2.0 (LICENSE), are in
licenses/<artifact>/.

<#list dependencyMap as e>
  <#assign p = e.getKey()/>
  <#assign licenses = e.getValue()/>
  ${p.groupId}:${p.artifactId}:${p.version}
      ${p.name}
  <#if p.url??>
      ${p.url}
  </#if>
  <#if licenses?size gt 1 && licenses?seq_contains("MPL-1.1")>
      License: MPL-1.1 (chosen from ${licenses?join(", ")})
  <#else>
      License: ${licenses?join(", ")}
  </#if>

</#list>
<#list dependencyMap as e>
  <#assign p = e.getKey()/>
  <#if e.getValue()?seq_contains("MPL-1.1")>
${p.name} ${p.version} is used under the Mozilla Public License 1.1, unmodified. Its source code is
available under that license from ${p.url!"its project"} and from Maven Central:
${central(p)}

  </#if>
</#list>
