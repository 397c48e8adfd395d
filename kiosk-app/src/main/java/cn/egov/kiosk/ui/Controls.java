package cn.egov.kiosk.ui;

import javafx.scene.control.Label;

/** Small factories the views share. */
public final class Controls {
  private Controls() {}

  /** An empty, wrapping label with a style class; the view binds its text. */
  public static Label label(String styleClass) {
    Label l = new Label();
    l.getStyleClass().add(styleClass);
    l.setWrapText(true);
    return l;
  }
}
