package io.github.workerbench.engine.rest;

/**
 * A {@code multipart/form-data} request body, as the Camunda client sends a deployment: form
 * fields and XML files, each part opened by the boundary, the whole closed by it.
 */
final class MultipartBody {

  private final String boundary;
  private final StringBuilder parts = new StringBuilder();

  MultipartBody(String boundary) {
    this.boundary = boundary;
  }

  /** Adds a plain form field. */
  MultipartBody field(String name, String value) {
    parts.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
        .append(value).append("\r\n");
    return this;
  }

  /** Adds an XML file under the form field {@code name}. */
  MultipartBody xmlFile(String name, String filename, String xml) {
    parts.append("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name)
        .append("\"; filename=\"").append(filename).append("\"\r\n")
        .append("Content-Type: application/xml\r\n\r\n")
        .append(xml).append("\r\n");
    return this;
  }

  /** The body: every part added, then the closing boundary. */
  String build() {
    return parts + "--" + boundary + "--\r\n";
  }
}
